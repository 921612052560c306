using System.Text.Json;

namespace Deployments.Functions.Contract.Tests.Infrastructure;

/// <summary>One function.json of the app's build output, reduced to what routing needs.</summary>
internal sealed record FunctionDefinition(string Name, string TriggerType, string? Route, IReadOnlyList<string> Methods, string? AuthLevel, bool HasHttpOutput)
{
    public static IReadOnlyList<FunctionDefinition> LoadAll(string appDirectory) =>
        [.. Directory.GetDirectories(appDirectory)
            .Where(d => File.Exists(Path.Combine(d, "function.json")))
            .Select(d => Load(Path.GetFileName(d), File.ReadAllText(Path.Combine(d, "function.json"))))
            .OrderBy(f => f.Name, StringComparer.Ordinal)];

    private static FunctionDefinition Load(string name, string json)
    {
        using var document = JsonDocument.Parse(json);
        var bindings = document.RootElement.GetProperty("bindings").EnumerateArray().ToList();
        var trigger = bindings.Single(b => b.GetProperty("direction").GetString() == "in" && b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
        string? Text(string property) => trigger.TryGetProperty(property, out var value) ? value.GetString() : null;
        var methods = trigger.TryGetProperty("methods", out var list) ? list.EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).ToList() : [];
        var httpOutput = bindings.Any(b => b.GetProperty("type").GetString() == "http" && b.GetProperty("direction").GetString() == "out");
        return new FunctionDefinition(name, trigger.GetProperty("type").GetString()!, Text("route"), methods, Text("authLevel"), httpOutput);
    }

    /// <summary>
    /// Whether this function's route template matches an app route pattern segment by segment: literals equal
    /// (ignoring case, as both routers do), a <c>{parameter}</c> takes one segment, a <c>{*catchAll}</c> the rest
    /// (including nothing). A pattern segment holding a parameter only matches a parameter or the catch-all.
    /// </summary>
    public bool Covers(string routePattern, string method)
    {
        if (Route is null || (Methods.Count > 0 && !Methods.Contains(method)))
        {
            return false;
        }

        var template = Route.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var pattern = routePattern.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i].StartsWith("{*", StringComparison.Ordinal))
            {
                return true;
            }

            if (i >= pattern.Length)
            {
                return false;
            }

            var templateIsParameter = template[i].StartsWith('{');
            var patternIsParameter = pattern[i].Contains('{', StringComparison.Ordinal);
            if (templateIsParameter ? false : patternIsParameter || !string.Equals(template[i], pattern[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return template.Length == pattern.Length;
    }
}
