namespace Deployments.Model;

/// <summary>
/// Cloud Foundry's <c>label_selector</c>: requirements joined by commas, all of which a deployment's labels
/// must meet. <c>key</c> (present), <c>!key</c> (absent), <c>key=value</c> or <c>key==value</c>,
/// <c>key!=value</c> (absent or another value), <c>key in (a,b)</c> and <c>key notin (a,b)</c>.
/// </summary>
public sealed class LabelSelector
{
    private readonly IReadOnlyList<Requirement> requirements;

    private LabelSelector(IReadOnlyList<Requirement> requirements) => this.requirements = requirements;

    private enum Operator
    {
        Exists,
        NotExists,
        In,
        NotIn,
    }

    /// <summary>Parses a selector; <paramref name="error"/> says what is wrong when it returns false.</summary>
    public static bool TryParse(string text, out LabelSelector? selector, out string? error)
    {
        selector = null;
        var parsed = new List<Requirement>();
        foreach (var part in SplitTopLevel(text))
        {
            if (Parse(part.Trim()) is not { } requirement)
            {
                error = $"'{(part.Length > 64 ? part[..64] : part).Trim()}' is not a requirement (key, !key, key=value, key!=value, key in (a,b), key notin (a,b))";
                return false;
            }

            parsed.Add(requirement);
        }

        if (parsed.Count == 0)
        {
            error = "names no requirement";
            return false;
        }

        selector = new LabelSelector(parsed);
        error = null;
        return true;
    }

    /// <summary>Whether the labels meet every requirement of the selector.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels) => requirements.All(r => r.Matches(labels));

    private static Requirement? Parse(string part)
    {
        if (part.StartsWith('!'))
        {
            return IsKey(part[1..]) ? new Requirement(part[1..], Operator.NotExists, []) : null;
        }

        foreach (var (token, op) in new[] { ("!=", Operator.NotIn), ("==", Operator.In), ("=", Operator.In) })
        {
            var at = part.IndexOf(token, StringComparison.Ordinal);
            if (at > 0)
            {
                var (key, value) = (part[..at].Trim(), part[(at + token.Length)..].Trim());
                return IsKey(key) && IsValue(value) ? new Requirement(key, op, [value]) : null;
            }
        }

        foreach (var (word, op) in new[] { (" notin ", Operator.NotIn), (" in ", Operator.In) })
        {
            var at = part.IndexOf(word, StringComparison.Ordinal);
            if (at > 0)
            {
                var (key, set) = (part[..at].Trim(), part[(at + word.Length)..].Trim());
                if (!IsKey(key) || !set.StartsWith('(') || !set.EndsWith(')'))
                {
                    return null;
                }

                var values = set[1..^1].Split(',').Select(v => v.Trim()).ToList();
                return values.All(IsValue) ? new Requirement(key, op, values) : null;
            }
        }

        return IsKey(part) ? new Requirement(part, Operator.Exists, []) : null;
    }

    /// <summary>Commas separate requirements, except inside the parentheses of a set.</summary>
    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }

        yield return text[start..];
    }

    private static bool IsKey(string key) => key.Length > 0 && !key.Any(c => char.IsWhiteSpace(c) || c is '!' or '=' or '(' or ')' or ',');

    private static bool IsValue(string value) => !value.Any(c => char.IsWhiteSpace(c) || c is '!' or '=' or '(' or ')' or ',');

    private sealed record Requirement(string Key, Operator Operator, IReadOnlyList<string> Values)
    {
        public bool Matches(IReadOnlyDictionary<string, string> labels) => Operator switch
        {
            Operator.Exists => labels.ContainsKey(Key),
            Operator.NotExists => !labels.ContainsKey(Key),
            Operator.In => labels.TryGetValue(Key, out var value) && Values.Contains(value, StringComparer.Ordinal),
            _ => !labels.TryGetValue(Key, out var other) || !Values.Contains(other, StringComparer.Ordinal),
        };
    }
}
