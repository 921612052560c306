using System.Text;
using System.Text.RegularExpressions;

namespace Deployments.Functions.Contract.Tests.Infrastructure;

/// <summary>
/// Checks the relative links of Markdown pages against the repository they live in: each must name a file or
/// folder inside the repository (a path that climbs out of it, like <c>../shared/…</c>, is dead in every
/// clone), and a <c>#fragment</c> into a Markdown page must name one of its headings, slugged as GitHub
/// slugs them. Links with a scheme (<c>https:</c>, <c>mailto:</c>) are not followed. Code blocks and code
/// spans are not read, so paths shown as code are not mistaken for links.
/// </summary>
internal static partial class MarkdownLinks
{
    /// <summary>Folders that exist after a build or <c>npm ci</c> but never in a clone.</summary>
    private static readonly string[] UntrackedFolders = ["bin", "obj", "node_modules", ".azurite"];

    /// <summary>Every problem with the links of <paramref name="markdown"/>, the page at <paramref name="pagePath"/> (relative to the root).</summary>
    public static IReadOnlyList<string> Problems(string repositoryRoot, string pagePath, string markdown)
    {
        var root = Path.GetFullPath(repositoryRoot);
        var page = Path.GetFullPath(Path.Combine(root, pagePath));
        var problems = new List<string>();
        foreach (var target in Targets(markdown))
        {
            if (SchemePattern().IsMatch(target) || target.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            var hash = target.IndexOf('#', StringComparison.Ordinal);
            var pathPart = hash < 0 ? target : target[..hash];
            var fragment = hash < 0 ? null : Uri.UnescapeDataString(target[(hash + 1)..]);
            var query = pathPart.IndexOf('?', StringComparison.Ordinal);
            pathPart = Uri.UnescapeDataString(query < 0 ? pathPart : pathPart[..query]);

            string resolved;
            if (pathPart.Length == 0)
            {
                resolved = page;
            }
            else
            {
                var baseDirectory = pathPart.StartsWith('/') ? root : Path.GetDirectoryName(page)!;
                resolved = Path.GetFullPath(Path.Combine(baseDirectory, pathPart.TrimStart('/')));
            }

            var relative = Path.GetRelativePath(root, resolved).Replace('\\', '/');
            if (relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative))
            {
                problems.Add($"{pagePath}: '{target}' leaves the repository");
                continue;
            }

            if (relative.Split('/').Any(segment => UntrackedFolders.Contains(segment, StringComparer.Ordinal)))
            {
                problems.Add($"{pagePath}: '{target}' points into a build or install folder that no clone has");
                continue;
            }

            if (!File.Exists(resolved) && !Directory.Exists(resolved))
            {
                problems.Add($"{pagePath}: '{target}' names {relative}, which does not exist");
                continue;
            }

            if (!string.IsNullOrEmpty(fragment) && File.Exists(resolved) && resolved.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            {
                var anchors = Anchors(resolved == page ? markdown : File.ReadAllText(resolved));
                if (!anchors.Contains(fragment))
                {
                    problems.Add($"{pagePath}: '{target}' names a heading #{fragment} that {relative} does not have");
                }
            }
        }

        return problems;
    }

    /// <summary>The targets of inline links and images, reference definitions and HTML src/href attributes, outside code.</summary>
    public static IEnumerable<string> Targets(string markdown)
    {
        var prose = WithoutCode(markdown);
        foreach (Match link in InlineLinkPattern().Matches(prose))
        {
            yield return link.Groups["target"].Value;
        }

        foreach (Match definition in ReferenceDefinitionPattern().Matches(prose))
        {
            yield return definition.Groups["target"].Value;
        }

        foreach (Match attribute in HtmlAttributePattern().Matches(prose))
        {
            yield return attribute.Groups["target"].Value;
        }
    }

    /// <summary>The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces to dashes, repeats numbered.</summary>
    public static IReadOnlySet<string> Anchors(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in WithoutCode(markdown).Split('\n'))
        {
            var heading = HeadingPattern().Match(line);
            if (!heading.Success)
            {
                continue;
            }

            var slug = Slug(heading.Groups["text"].Value);
            var count = seen.GetValueOrDefault(slug);
            seen[slug] = count + 1;
            anchors.Add(count == 0 ? slug : $"{slug}-{count}");
        }

        return anchors;
    }

    private static string Slug(string headingText)
    {
        // Links and images keep their text; code spans arrive already reduced to their words (WithoutCode).
        var text = InlineLinkTextPattern().Replace(headingText, "${text}").Trim().TrimEnd('#').Trim();
        var slug = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                slug.Append(c);
            }
            else if (c == ' ')
            {
                slug.Append('-');
            }
        }

        return slug.ToString();
    }

    /// <summary>The page without fenced code blocks, and with code spans reduced to their text (so a heading keeps its words but a span is never a link).</summary>
    private static string WithoutCode(string markdown)
    {
        var kept = new StringBuilder(markdown.Length);
        string? fence = null;
        foreach (var rawLine in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var trimmed = rawLine.TrimStart();
            if (fence is null && (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)))
            {
                fence = trimmed[..3];
                kept.Append('\n');
                continue;
            }

            if (fence is not null)
            {
                if (trimmed.StartsWith(fence, StringComparison.Ordinal))
                {
                    fence = null;
                }

                kept.Append('\n');
                continue;
            }

            kept.Append(CodeSpanPattern().Replace(rawLine, match => InertText(match.Groups["code"].Value))).Append('\n');
        }

        return kept.ToString();
    }

    /// <summary>A code span's words for a heading's slug, with the characters that could start a link removed.</summary>
    private static string InertText(string code) => new([.. code.Where(c => c is not ('[' or ']' or '(' or ')' or '<' or '>' or '"' or '='))]);

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*:")]
    private static partial Regex SchemePattern();

    [GeneratedRegex(@"!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*<?(?<target>[^)\s>]+)>?(?:\s+(?:""[^""]*""|'[^']*'))?\s*\)")]
    private static partial Regex InlineLinkPattern();

    [GeneratedRegex(@"!?\[(?<text>(?:[^\[\]]|\[[^\[\]]*\])*)\]\([^)]*\)")]
    private static partial Regex InlineLinkTextPattern();

    [GeneratedRegex(@"^ {0,3}\[[^\]]+\]:\s*<?(?<target>[^\s>]+)>?", RegexOptions.Multiline)]
    private static partial Regex ReferenceDefinitionPattern();

    [GeneratedRegex(@"\b(?:src|href)\s*=\s*""(?<target>[^""]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlAttributePattern();

    [GeneratedRegex(@"^ {0,3}#{1,6}\s+(?<text>.+?)\s*$")]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"(?<ticks>`+)(?<code>.+?)\k<ticks>")]
    private static partial Regex CodeSpanPattern();
}
