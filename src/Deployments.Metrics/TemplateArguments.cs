namespace Deployments.Metrics;

/// <summary>The {{name}} placeholders of a template: filled per deployment.</summary>
public static class TemplateArguments
{
    /// <summary>The names <paramref name="text"/> refers to, in order of first use.</summary>
    public static IReadOnlyList<string> Referenced(string text) => throw new NotImplementedException();

    /// <summary>Replaces every {{name}} with its argument; throws <see cref="KeyNotFoundException"/> naming a missing one.</summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string> arguments) => throw new NotImplementedException();
}
