using System.Text.Json;

namespace Deployments.Functions.Contract.Tests.Infrastructure;

/// <summary>One function of the Functions app as functions.metadata (which the host loads) declares it.</summary>
internal sealed record FunctionDefinition(
    string Name, string EntryPoint, string TriggerType, string? Route, IReadOnlyList<string> Methods, string? AuthLevel, IReadOnlyList<string> BindingTypes, string? Schedule,
    IReadOnlyDictionary<string, string> BindingTypeByParameter, string RoutePrefix)
{
    /// <summary>The host's prefix when host.json names none.</summary>
    private const string HostDefaultRoutePrefix = "api";

    public static IReadOnlyList<FunctionDefinition> LoadAll(string scriptRoot)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(scriptRoot, "functions.metadata")));
        var prefix = RoutePrefixOf(scriptRoot);
        return [.. document.RootElement.EnumerateArray().Select(f => Load(f, prefix)).OrderBy(f => f.Name, StringComparer.Ordinal)];
    }

    /// <summary>The route as a request reaches it: host.json's route prefix, then the function's template.</summary>
    public string? FullRoute => Route is null ? null : "/" + string.Join('/', new[] { RoutePrefix.Trim('/'), Route.Trim('/') }.Where(p => p.Length > 0));

    /// <summary>What the host puts before every function's route: <c>extensions.http.routePrefix</c> of the shipped host.json.</summary>
    public static string RoutePrefixOf(string scriptRoot)
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(scriptRoot, "host.json")));
        return host.RootElement.TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("http", out var http)
            && http.TryGetProperty("routePrefix", out var prefix) ? prefix.GetString() ?? HostDefaultRoutePrefix : HostDefaultRoutePrefix;
    }

    private static FunctionDefinition Load(JsonElement function, string routePrefix)
    {
        var bindings = function.GetProperty("bindings").EnumerateArray().ToList();
        var trigger = bindings.Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
        string? Text(string property) => trigger.TryGetProperty(property, out var value) ? value.GetString() : null;
        var methods = trigger.TryGetProperty("methods", out var list) ? list.EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).ToList() : [];
        return new FunctionDefinition(function.GetProperty("name").GetString()!, function.GetProperty("entryPoint").GetString()!, trigger.GetProperty("type").GetString()!,
            Text("route"), methods, Text("authLevel"), [.. bindings.Select(b => b.GetProperty("type").GetString()!)], Text("schedule"),
            bindings.Where(b => b.GetProperty("direction").GetString() == "In").ToDictionary(b => b.GetProperty("name").GetString()!, b => b.GetProperty("type").GetString()!),
            routePrefix);
    }
}
