namespace Deployments.Telemetry;

/// <summary>What one attempt to deliver a status change to a subscriber's webhook came to.</summary>
public enum WebhookDeliveryOutcome
{
    /// <summary>The subscriber answered 2xx.</summary>
    Delivered,

    /// <summary>The subscriber answered, but not 2xx; the attempt is retried.</summary>
    Refused,

    /// <summary>No answer: the connection failed or the attempt timed out; it is retried.</summary>
    Unreachable,

    /// <summary>The subscription was deleted before the attempt, so nothing was sent.</summary>
    Unsubscribed,
}

internal static class WebhookDeliveryOutcomes
{
    public static string Name(WebhookDeliveryOutcome outcome) => outcome.ToString().ToLowerInvariant();
}
