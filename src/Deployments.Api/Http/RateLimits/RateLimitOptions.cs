namespace Deployments.Api.Http.RateLimits;

/// <summary>
/// Limits for the traffic that reaches the API without a valid key, bound from the <c>RateLimits</c> section
/// (docs/auth.md "Rate limits"). The defaults are generous: far above what a CI system or a person sends, low
/// enough that a flood of forged webhooks or guessed keys is turned away before it costs a storage read.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>The configuration section these bind from (<c>RateLimits__Webhooks__PermitLimit</c> and so on).</summary>
    public const string Section = "RateLimits";

    /// <summary>Webhook deliveries per sender address and webhook kind; their signature, checked after, is what admits them.</summary>
    public WindowLimit Webhooks { get; set; } = new() { PermitLimit = 120, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Requests per client address that failed authentication; once spent, the address is refused before its key is looked up.</summary>
    public WindowLimit FailedAuthentication { get; set; } = new() { PermitLimit = 60, Window = TimeSpan.FromMinutes(1) };
}

/// <summary>At most <see cref="PermitLimit"/> in each <see cref="Window"/>; a limit of 0 or less turns the limit off.</summary>
public sealed class WindowLimit
{
    /// <summary>Requests admitted per window; 0 or less turns the limit off.</summary>
    public int PermitLimit { get; set; }

    /// <summary>The length of one fixed window; a refused request is told to retry when it ends.</summary>
    public TimeSpan Window { get; set; }

    /// <summary>Whether requests are counted at all.</summary>
    public bool IsOn => PermitLimit > 0 && Window > TimeSpan.Zero;
}
