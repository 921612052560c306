using Deployments.Model;

namespace Deployments.Api.Apis;

/// <summary>The secret signs every notification; it is accepted here and never returned.</summary>
internal sealed record CreateSubscriptionBody(string? Namespace = null, string? Url = null, string? Secret = null);

/// <summary>PATCH: a new URL, or a new secret (rotation); fields left out stay as they are.</summary>
internal sealed record UpdateSubscriptionBody(string? Url = null, string? Secret = null);

/// <summary>A subscription as shown: everything but the secret.</summary>
internal sealed record SubscriptionView(Guid Id, string Namespace, Uri Url, DateTimeOffset CreatedAt)
{
    public static SubscriptionView Of(Subscription subscription) => new(subscription.Id, subscription.Namespace, subscription.Url, subscription.CreatedAt);
}

internal sealed record SubscriptionList(IReadOnlyList<SubscriptionView> Subscriptions);
