using System.Text.RegularExpressions;
using Deployments.Metrics;
using Deployments.Model;

namespace Deployments.Rules;

/// <summary>Fills a template's placeholders for one deployment: built-in arguments, then the template's defaults, then the deployment's values.</summary>
public static partial class AnalysisArguments
{
    /// <summary>Whether <paramref name="name"/> can be an argument's name.</summary>
    public static bool IsName(string name) => NamePattern().IsMatch(name);

    /// <summary>
    /// The arguments of one run: <paramref name="builtIn"/> (app, namespace, revision…), the templates' declared
    /// defaults, and the deployment's own values over both. A declared argument without a value is reported missing.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Resolve(
        IReadOnlyDictionary<string, string> builtIn, IEnumerable<AnalysisTemplate> templates, IReadOnlyDictionary<string, string>? given, out IReadOnlyList<string> missing)
    {
        var values = new Dictionary<string, string>(builtIn, StringComparer.Ordinal);
        var lacking = new List<string>();
        foreach (var argument in templates.SelectMany(t => t.Args))
        {
            if (given?.TryGetValue(argument.Name, out var value) == true)
            {
                values[argument.Name] = value;
            }
            else if (argument.Value is { } fallback)
            {
                values.TryAdd(argument.Name, fallback);
            }
            else if (!values.ContainsKey(argument.Name))
            {
                lacking.Add(argument.Name);
            }
        }

        foreach (var (name, value) in given ?? new Dictionary<string, string>())
        {
            if (!AnalysisTemplate.BuiltInArguments.Contains(name))
            {
                values[name] = value;
            }
        }

        missing = lacking.Distinct(StringComparer.Ordinal).ToList();
        return values;
    }

    /// <summary>The metric with every placeholder of its provider filled.</summary>
    public static AnalysisMetric Fill(AnalysisMetric metric, IReadOnlyDictionary<string, string> arguments) => metric with
    {
        Provider = metric.Provider switch
        {
            { Prometheus: { } p } => new MetricProvider
            {
                Prometheus = p with { Address = TemplateArguments.Fill(p.Address, arguments), Query = TemplateArguments.Fill(p.Query, arguments) },
            },
            { Web: { } w } => new MetricProvider
            {
                Web = w with
                {
                    Url = TemplateArguments.Fill(w.Url, arguments),
                    Body = w.Body is null ? null : TemplateArguments.Fill(w.Body, arguments),
                    JsonPath = TemplateArguments.Fill(w.JsonPath, arguments),
                    Headers = w.Headers?.ToDictionary(h => h.Key, h => TemplateArguments.Fill(h.Value, arguments), StringComparer.OrdinalIgnoreCase),
                },
            },
            _ => metric.Provider,
        },
    };

    /// <summary>The text with every placeholder replaced by a harmless word, to check the shape of a URL before any deployment fills it.</summary>
    internal static string Sample(string text) =>
        TemplateArguments.Fill(text, TemplateArguments.Referenced(text).ToDictionary(name => name, _ => "x", StringComparer.Ordinal));

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex NamePattern();
}
