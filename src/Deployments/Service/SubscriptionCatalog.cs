using Deployments.Model;
using Deployments.Refusals;
using Deployments.Rules;
using Deployments.Storage;

namespace Deployments.Service;

/// <summary>
/// Notification subscriptions: validated create, read, list, update and delete; secrets are kept, never shown. Every request is validated in full before the first write, so a refused one leaves nothing behind.
/// </summary>
public sealed class SubscriptionCatalog(SubscriptionStore subscriptions, TimeProvider time)
{
    private const int MinSecretLength = 16;
    private const int MaxSecretLength = 1024;

    /// <summary>A URL to receive the namespace's deployment status changes, signed with the secret (which is never shown again).</summary>
    public async Task<Subscription> CreateSubscriptionAsync(string? @namespace, string? url, string? secret, CancellationToken cancellationToken)
    {
        CallerScope.Demand(CallerScope.NamespaceOr(@namespace));
        var errors = new List<ValidationError>();
        Names.Optional(errors, "namespace", @namespace);
        var target = CheckUrl(errors, url, required: true);
        CheckSecret(errors, secret, required: true);
        CatalogChecks.ThrowIfAny(errors);
        var subscription = new Subscription(Guid.NewGuid(), CallerScope.NamespaceOr(@namespace), target!, secret!, time.GetUtcNow());
        await subscriptions.CreateAsync(subscription, cancellationToken);
        return subscription;
    }

    /// <summary>The subscription with this id in the namespace; refused for a namespace outside the caller's scope, not found when there is none.</summary>
    public async Task<Subscription> GetSubscriptionAsync(string @namespace, Guid id, CancellationToken cancellationToken) =>
        (CatalogChecks.Demanded(@namespace) && Names.IsValid(@namespace) ? await subscriptions.GetAsync(@namespace, id, cancellationToken) : null)
        ?? throw new NotFoundException("subscription", id.ToString());

    /// <summary>Every subscription of a namespace the caller may see.</summary>
    public Task<IReadOnlyList<Subscription>> ListSubscriptionsAsync(string @namespace, CancellationToken cancellationToken)
    {
        CallerScope.Demand(@namespace);
        return subscriptions.ListAsync(@namespace, cancellationToken);
    }

    /// <summary>Points the subscription elsewhere or rotates its secret.</summary>
    public async Task<Subscription> UpdateSubscriptionAsync(string @namespace, Guid id, string? url, string? secret, CancellationToken cancellationToken)
    {
        await GetSubscriptionAsync(@namespace, id, cancellationToken);
        var errors = new List<ValidationError>();
        var target = CheckUrl(errors, url, required: false);
        CheckSecret(errors, secret, required: false);
        CatalogChecks.ThrowIfAny(errors);
        return await subscriptions.UpdateAsync(@namespace, id, stored => stored with { Url = target ?? stored.Url, Secret = secret ?? stored.Secret }, cancellationToken);
    }

    /// <summary>Removes a subscription.</summary>
    public async Task DeleteSubscriptionAsync(string @namespace, Guid id, CancellationToken cancellationToken)
    {
        await GetSubscriptionAsync(@namespace, id, cancellationToken);
        await subscriptions.DeleteAsync(@namespace, id, cancellationToken);
    }

    private static Uri? CheckUrl(List<ValidationError> errors, string? url, bool required)
    {
        if (url is null)
        {
            if (required)
            {
                errors.Add(new("url", "is required"));
            }

            return null;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https") || url.Length > 2048)
        {
            errors.Add(new("url", "must be an absolute http or https URL of at most 2048 characters"));
            return null;
        }

        return parsed;
    }

    private static void CheckSecret(List<ValidationError> errors, string? secret, bool required)
    {
        if (secret is null ? required : secret.Length is < MinSecretLength or > MaxSecretLength)
        {
            errors.Add(new("secret", $"must be {MinSecretLength}-{MaxSecretLength} characters"));
        }
    }
}
