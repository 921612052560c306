using Deployments.Metrics;
using Deployments.Refusals;

namespace Deployments.Rules;

/// <summary>What makes a metric's provider usable: exactly one kind, absolute http(s) addresses, and only placeholders that will be filled.</summary>
internal static class MetricProviderRules
{
    private static readonly string[] WebMethods = ["GET", "POST"];

    public static void Check(List<ValidationError> errors, string field, MetricProvider? provider, IReadOnlySet<string> arguments)
    {
        switch (provider)
        {
            case null or { Prometheus: null, Web: null }:
                errors.Add(new(field, "give one provider: prometheus or web"));
                break;
            case { Prometheus: not null, Web: not null }:
                errors.Add(new(field, "give one provider, not both prometheus and web"));
                break;
            case { Prometheus: { } prometheus }:
                CheckPrometheus(errors, $"{field}.prometheus", prometheus, arguments);
                break;
            case { Web: { } web }:
                CheckWeb(errors, $"{field}.web", web, arguments);
                break;
        }
    }

    private static void CheckPrometheus(List<ValidationError> errors, string field, PrometheusMetric prometheus, IReadOnlySet<string> arguments)
    {
        Address(errors, $"{field}.address", prometheus.Address, arguments);
        Text(errors, $"{field}.query", prometheus.Query, arguments, required: true);
        Timeout(errors, $"{field}.timeout", prometheus.Timeout);
        if (prometheus.Auth is { Kind: PrometheusAuthKind.Bearer, Secret: not { Length: > 0 } })
        {
            errors.Add(new($"{field}.auth.secret", "bearer auth names the secret setting that holds the token"));
        }
    }

    private static void CheckWeb(List<ValidationError> errors, string field, WebMetric web, IReadOnlySet<string> arguments)
    {
        Address(errors, $"{field}.url", web.Url, arguments);
        if (!WebMethods.Contains(web.Method?.ToUpperInvariant()))
        {
            errors.Add(new($"{field}.method", "must be GET or POST"));
        }

        Text(errors, $"{field}.body", web.Body, arguments, required: false);
        Text(errors, $"{field}.json_path", web.JsonPath, arguments, required: true);
        Timeout(errors, $"{field}.timeout", web.Timeout);
        InputLimits.CountAtMost(errors, $"{field}.headers", web.Headers?.Count, AnalysisTemplateRules.MaxHeaders, "headers");
        foreach (var (name, value) in web.Headers ?? new Dictionary<string, string>())
        {
            Text(errors, $"{field}.headers.{name}", value, arguments, required: true);
        }
    }

    private static void Address(List<ValidationError> errors, string field, string? address, IReadOnlySet<string> arguments)
    {
        if (!Text(errors, field, address, arguments, required: true))
        {
            return;
        }

        // Placeholders are filled per deployment; what must hold now is the scheme and that the rest could be a URL.
        var sample = AnalysisArguments.Sample(address!);
        if (!Uri.TryCreate(sample, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            errors.Add(new(field, "must be an absolute http or https URL"));
        }
    }

    private static bool Text(List<ValidationError> errors, string field, string? text, IReadOnlySet<string> arguments, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors.Add(new(field, "is required"));
            }

            return false;
        }

        if (text.Length > AnalysisTemplateRules.MaxProviderText)
        {
            errors.Add(new(field, $"must be at most {AnalysisTemplateRules.MaxProviderText} characters"));
            return false;
        }

        var unknown = TemplateArguments.Referenced(text).Where(name => !arguments.Contains(name)).ToList();
        if (unknown.Count > 0)
        {
            errors.Add(new(field, $"refers to {string.Join(", ", unknown.Select(n => "{{" + n + "}}"))}, which is neither built in ({string.Join(", ", Deployments.Model.AnalysisTemplate.BuiltInArguments)}) nor declared in args"));
            return false;
        }

        return true;
    }

    private static void Timeout(List<ValidationError> errors, string field, TimeSpan? timeout)
    {
        if (timeout is { } value && (value <= TimeSpan.Zero || value > AnalysisTemplateRules.MaxTimeout))
        {
            errors.Add(new(field, $"must be positive and at most {AnalysisTemplateRules.MaxTimeout.TotalSeconds:0}s"));
        }
    }
}
