using Deployments.Model;

namespace Deployments.Api.Apis;

/// <summary>A subscription as the API shows it: everything but the secret that signs its notifications.</summary>
internal sealed record SubscriptionResource(Guid Id, string Namespace, Uri Url, DateTimeOffset CreatedAt)
{
    public static SubscriptionResource From(Subscription subscription) => new(subscription.Id, subscription.Namespace, subscription.Url, subscription.CreatedAt);
}

internal sealed record SubscriptionList(IReadOnlyList<SubscriptionResource> Subscriptions);
