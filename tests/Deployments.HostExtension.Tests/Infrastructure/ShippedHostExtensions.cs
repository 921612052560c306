using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using TestSupport;

namespace Deployments.HostExtension.Tests.Infrastructure;

/// <summary>
/// The packages the Functions build hands to the Functions host (the worker SDK's generated extensions project,
/// listed in <c>.azurefunctions/function.deps.json</c> of the app's build output), by package id.
/// </summary>
internal static partial class ShippedHostExtensions
{
    public static string DepsJsonPath =>
        BuildOutputs.Find(Path.Combine("src", "Deployments.Functions"), Path.Combine(".azurefunctions", "function.deps.json"), typeof(ShippedHostExtensions).Assembly);

    /// <summary>The version of <paramref name="packageId"/> in the deps file ("libraries" keys are "id/version").</summary>
    public static string? VersionOf(string packageId)
    {
        using var deps = JsonDocument.Parse(File.ReadAllText(DepsJsonPath));
        return deps.RootElement.GetProperty("libraries").EnumerateObject()
            .Select(library => library.Name.Split('/'))
            .Where(idAndVersion => idAndVersion.Length == 2 && string.Equals(idAndVersion[0], packageId, StringComparison.OrdinalIgnoreCase))
            .Select(idAndVersion => idAndVersion[1])
            .SingleOrDefault();
    }

    /// <summary>
    /// The package version an assembly was built as: its informational version without the commit suffix, which
    /// packages write as "+sha" or " Commit hash: sha".
    /// </summary>
    public static string PackageVersionOf(Assembly assembly)
    {
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} carries no informational version.");
        var version = LeadingVersion().Match(informational);
        return version.Success
            ? version.Value
            : throw new FormatException($"{assembly.GetName().Name}'s informational version '{informational}' does not start with a version.");
    }

    [GeneratedRegex(@"^\d+(\.\d+)+(-[0-9A-Za-z.-]+)?")]
    private static partial Regex LeadingVersion();
}
