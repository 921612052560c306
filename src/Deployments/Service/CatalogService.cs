using Deployments.Drivers;
using Deployments.Refusals;
using Deployments.Rules;
using Deployments.Storage;

namespace Deployments.Service;

/// <summary>
/// Clusters, environments, apps (with revisions), pipelines and notification subscriptions: validated
/// create, read, list, update and delete. Every request is validated in full before the first write, so
/// a refused request leaves nothing behind.
/// </summary>
public sealed partial class CatalogService(CatalogStore catalog, AppStore apps, DeploymentStore deployments, SubscriptionStore subscriptions, AppRetirement retirement, TargetDriverRegistry drivers, TimeProvider time)
{
    private static void RequireName(List<ValidationError> errors, string field, string? name) => Names.Require(errors, field, name);

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
