using System.Text.RegularExpressions;

namespace Deployments.Metrics;

/// <summary>The {{name}} placeholders of a template: filled per deployment.</summary>
/// <remarks>
/// A name is letters, digits, <c>_</c>, <c>-</c> and <c>.</c>, with optional whitespace inside the braces
/// (<c>{{ app }}</c>). Values are inserted exactly as given, with no escaping: a PromQL query receives the text the
/// template author expects (a label value, a duration, a whole selector), and so does a URL or a JSON body, so
/// the template quotes or escapes where its own syntax needs it.
/// </remarks>
public static partial class TemplateArguments
{
    /// <summary>The names <paramref name="text"/> refers to, in order of first use.</summary>
    public static IReadOnlyList<string> Referenced(string text) =>
        Placeholder().Matches(text).Select(match => match.Groups["name"].Value).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Replaces every {{name}} with its argument; throws <see cref="KeyNotFoundException"/> naming a missing one.</summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string> arguments) =>
        Placeholder().Replace(text, match =>
        {
            var name = match.Groups["name"].Value;
            return arguments.TryGetValue(name, out var value)
                ? value
                : throw new KeyNotFoundException($"The template refers to the argument '{name}', which is not given.");
        });

    [GeneratedRegex(@"\{\{\s*(?<name>[A-Za-z0-9_.\-]+)\s*\}\}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Placeholder();
}
