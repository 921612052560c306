using Deployments.Refusals;
using Deployments.Rules;

namespace Deployments.Service;

/// <summary>The checks every catalog resource makes the same way.</summary>
internal static class CatalogChecks
{
    public static void RequireName(List<ValidationError> errors, string field, string? name) => Names.Require(errors, field, name);

    /// <summary>For a lookup by namespace and key: refused outside the caller's scope whether or not the key exists.</summary>
    public static bool Demanded(string @namespace)
    {
        CallerScope.Demand(@namespace);
        return true;
    }

    public static void ThrowIfAny(List<ValidationError> errors)
    {
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
    }
}
