using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Deployments.Metrics.Providers;

/// <summary>
/// The small, strict subset of JSONPath a web metric may use to pick its value: <c>$</c> (the whole answer), then
/// any number of <c>.name</c> (letters, digits, <c>_</c>, <c>-</c>), <c>['name']</c> or <c>["name"]</c> (any name
/// without that quote), and <c>[index]</c> (from 0). Wildcards, recursive descent (<c>..</c>), filters, slices and
/// unions are refused rather than guessed at: one path selects at most one value.
/// </summary>
internal sealed class JsonPath
{
    public const int MaxLength = 500;

    private const string Subset = "a path is $ followed by .name, ['name'] or [index]";

    private readonly IReadOnlyList<Step> steps;

    private JsonPath(string text, IReadOnlyList<Step> steps)
    {
        Text = text;
        this.steps = steps;
    }

    public string Text { get; }

    /// <summary>Parses <paramref name="text"/>, or throws <see cref="FormatException"/> saying where and why it is outside the subset.</summary>
    public static JsonPath Parse(string text)
    {
        if (text.Length > MaxLength)
        {
            throw new FormatException($"is longer than {MaxLength} characters");
        }

        if (!text.StartsWith('$'))
        {
            throw new FormatException($"must start with $: {Subset}");
        }

        var steps = new List<Step>();
        var at = 1;
        while (at < text.Length)
        {
            steps.Add(text[at] switch
            {
                '.' => Name(text, ref at),
                '[' => Bracket(text, ref at),
                _ => throw Unexpected(text, at),
            });
        }

        return new JsonPath(text, steps);
    }

    /// <summary>The value at the path, or null with <paramref name="miss"/> saying which step found nothing.</summary>
    public JsonElement? Select(JsonElement root, out string? miss)
    {
        var current = root;
        var walked = new StringBuilder("$");
        foreach (var step in steps)
        {
            switch (step)
            {
                case { Name: { } name } when current.ValueKind == JsonValueKind.Object && current.TryGetProperty(name, out var child):
                    current = child;
                    walked.Append(CultureInfo.InvariantCulture, $"['{name}']");
                    break;
                case { Name: { } name }:
                    miss = current.ValueKind == JsonValueKind.Object
                        ? $"{walked} has no property '{name}'"
                        : $"{walked} is {Kind(current)}, which has no property '{name}'";
                    return null;
                case { Index: var index } when current.ValueKind == JsonValueKind.Array && index < current.GetArrayLength():
                    current = current[index];
                    walked.Append(CultureInfo.InvariantCulture, $"[{index}]");
                    break;
                case { Index: var index }:
                    miss = current.ValueKind == JsonValueKind.Array
                        ? $"{walked} has {current.GetArrayLength()} elements, so no [{index}]"
                        : $"{walked} is {Kind(current)}, not an array to take [{index}] of";
                    return null;
            }
        }

        miss = null;
        return current;
    }

    /// <summary>A JSON value's kind as messages name it.</summary>
    public static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static Step Name(string text, ref int at)
    {
        var start = ++at;
        while (at < text.Length && (char.IsAsciiLetterOrDigit(text[at]) || text[at] is '_' or '-'))
        {
            at++;
        }

        return at > start ? new Step(text[start..at], 0) : throw Unexpected(text, at);
    }

    private static Step Bracket(string text, ref int at)
    {
        var start = ++at;
        if (at < text.Length && text[at] is '\'' or '"')
        {
            var quote = text[at];
            var end = text.IndexOf(quote, at + 1);
            if (end < 0 || end + 1 >= text.Length || text[end + 1] != ']')
            {
                throw new FormatException($"has an unclosed [{quote}name{quote}] at position {start - 1}");
            }

            at = end + 2;
            return new Step(text[(start + 1)..end], 0);
        }

        while (at < text.Length && char.IsAsciiDigit(text[at]))
        {
            at++;
        }

        if (at == start || at >= text.Length || text[at] != ']')
        {
            throw Unexpected(text, at);
        }

        var index = int.TryParse(text.AsSpan(start, at - start), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new FormatException($"has an index too large at position {start}");
        at++;
        return new Step(null, index);
    }

    private static FormatException Unexpected(string text, int at) =>
        at >= text.Length
            ? new FormatException($"ends early: {Subset}")
            : new FormatException($"has '{text[at]}' at position {at}, outside the supported subset ({Subset}; no wildcards, .., filters or slices)");

    /// <summary>One step: a property by name, or (when the name is null) an array element by index.</summary>
    private readonly record struct Step(string? Name, int Index);
}
