using Deployments.Model;
using Microsoft.Extensions.Configuration;

namespace Deployments.Service;

/// <summary>
/// Turns a revision's environment into the variables an allocation gets: literal values as they are,
/// secret references looked up in configuration (<c>Secrets:{name}</c>, e.g. from Key Vault references
/// or app settings). Secret values go to the driver only; they are never stored or returned.
/// </summary>
public sealed class SecretResolver(IConfiguration configuration)
{
    /// <summary>The revision's environment variables with secret references replaced by their values; throws when a referenced secret is not configured.</summary>
    public IReadOnlyDictionary<string, string> Resolve(Revision revision)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in revision.Environment)
        {
            variables[name] = value.SecretRef is { } reference
                ? configuration[$"Secrets:{reference}"] ?? throw new InvalidOperationException($"Secret '{reference}' referenced by {name} is not configured.")
                : value.Value ?? "";
        }

        variables["VERSION"] = variables.TryGetValue("VERSION", out var version) ? version : $"r{revision.Number}";
        return variables;
    }
}
