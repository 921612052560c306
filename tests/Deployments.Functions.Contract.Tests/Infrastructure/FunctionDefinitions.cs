using System.Text.Json;

namespace Deployments.Functions.Contract.Tests.Infrastructure;

/// <summary>One function of the Functions app as functions.metadata (which the host loads) declares it.</summary>
internal sealed record FunctionDefinition(
    string Name, string EntryPoint, string TriggerType, string? Route, IReadOnlyList<string> Methods, string? AuthLevel, IReadOnlyList<string> BindingTypes, string? Schedule,
    IReadOnlyDictionary<string, string> BindingTypeByParameter)
{
    public const string RoutePrefix = "api";

    public static IReadOnlyList<FunctionDefinition> LoadAll(string scriptRoot)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(scriptRoot, "functions.metadata")));
        return [.. document.RootElement.EnumerateArray().Select(Load).OrderBy(f => f.Name, StringComparer.Ordinal)];
    }

    /// <summary>The route as a request reaches it: the host's <c>api</c> prefix, then the function's template.</summary>
    public string? FullRoute => Route is null ? null : $"/{RoutePrefix}/{Route.Trim('/')}";

    private static FunctionDefinition Load(JsonElement function)
    {
        var bindings = function.GetProperty("bindings").EnumerateArray().ToList();
        var trigger = bindings.Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
        string? Text(string property) => trigger.TryGetProperty(property, out var value) ? value.GetString() : null;
        var methods = trigger.TryGetProperty("methods", out var list) ? list.EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).ToList() : [];
        return new FunctionDefinition(function.GetProperty("name").GetString()!, function.GetProperty("entryPoint").GetString()!, trigger.GetProperty("type").GetString()!,
            Text("route"), methods, Text("authLevel"), [.. bindings.Select(b => b.GetProperty("type").GetString()!)], Text("schedule"),
            bindings.Where(b => b.GetProperty("direction").GetString() == "In").ToDictionary(b => b.GetProperty("name").GetString()!, b => b.GetProperty("type").GetString()!));
    }
}
