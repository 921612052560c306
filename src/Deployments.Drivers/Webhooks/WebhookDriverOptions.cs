namespace Deployments.Drivers.Webhooks;

/// <summary>Host-wide tuning of the webhook driver.</summary>
internal sealed class WebhookDriverOptions
{
    /// <summary>Attempts per call, the first included, before a transient failure is given up on.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Wait before the second attempt; each later wait doubles, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Bound of one attempt; a timed-out attempt counts as transient.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Bound of one health probe of a <c>health_url</c>.</summary>
    public TimeSpan HealthProbeTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
