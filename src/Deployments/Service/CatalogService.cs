using Deployments.Notifications;
using Deployments.Rules;
using Deployments.Storage;

namespace Deployments.Service;

/// <summary>
/// Clusters, environments, apps (with revisions), pipelines and notification subscriptions: validated
/// create, read, list, update and delete. Every request is validated in full before the first write, so
/// a refused request leaves nothing behind.
/// </summary>
public sealed partial class CatalogService(CatalogStore catalog, AppStore apps, DeploymentStore deployments, SubscriptionStore subscriptions, AppRetirement retirement, TimeProvider time)
{
    private static void RequireName(List<ValidationError> errors, string field, string? name) => Names.Require(errors, field, name);

    /// <summary>Labels and annotations are for people and tools: bounded, so an app stays a small document.</summary>
    private static void CheckMetadata(List<ValidationError> errors, string field, IReadOnlyDictionary<string, string>? entries)
    {
        if (entries is null)
        {
            return;
        }

        if (entries.Count > InputLimits.MaxMetadataEntries)
        {
            errors.Add(new(field, $"at most {InputLimits.MaxMetadataEntries} entries"));
        }

        foreach (var (key, value) in entries)
        {
            if (string.IsNullOrWhiteSpace(key) || key.Length > InputLimits.MaxMetadataKeyLength)
            {
                errors.Add(new($"{field}.{key}", $"keys are 1-{InputLimits.MaxMetadataKeyLength} characters"));
            }
            else if (value is null || value.Length > InputLimits.MaxMetadataValueLength)
            {
                errors.Add(new($"{field}.{key}", $"values are strings of at most {InputLimits.MaxMetadataValueLength} characters"));
            }
        }
    }

    /// <summary>For a lookup by namespace and key: refused outside the caller's scope whether or not the key exists.</summary>
    private static bool Demanded(string @namespace)
    {
        CallerScope.Demand(@namespace);
        return true;
    }

    private static void ThrowIfAny(List<ValidationError> errors)
    {
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
    }
}
