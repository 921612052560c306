using Deployments.Metrics;
using Deployments.Model;
using Deployments.Refusals;

namespace Deployments.Rules;

/// <summary>
/// What makes a template valid. Everything is checked when it is written, so a run never discovers a typo in a
/// condition or a placeholder nobody fills: each problem is reported against the field that holds it.
/// </summary>
public static class AnalysisTemplateRules
{
    /// <summary>Metrics one template may hold.</summary>
    public const int MaxMetrics = 20;

    /// <summary>Arguments one template may declare.</summary>
    public const int MaxArguments = 32;

    /// <summary>Headers one web metric may send.</summary>
    public const int MaxHeaders = 32;

    /// <summary>The longest query, URL or body a provider may hold.</summary>
    public const int MaxProviderText = 8 * 1024;

    /// <summary>Measurements one metric may ask for.</summary>
    public const int MaxCount = 10_000;

    /// <summary>Tolerated failures, inconclusive measurements or errors a limit may name.</summary>
    public const int MaxLimit = 1000;

    /// <summary>The shortest time between measurements: a scrape interval is rarely under a second.</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(1);

    /// <summary>The longest time between measurements or before the first.</summary>
    public static readonly TimeSpan MaxInterval = TimeSpan.FromDays(1);

    /// <summary>The longest a single provider request may be given.</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Adds every problem with the template's metrics and arguments to <paramref name="errors"/>.</summary>
    public static void Check(List<ValidationError> errors, IReadOnlyList<AnalysisMetric>? metrics, IReadOnlyList<AnalysisArgument>? args)
    {
        var declared = CheckArguments(errors, args ?? []);
        if (metrics is not { Count: > 0 })
        {
            errors.Add(new("metrics", "a template needs at least one metric"));
            return;
        }

        InputLimits.CountAtMost(errors, "metrics", metrics.Count, MaxMetrics, "metrics");
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < metrics.Count; i++)
        {
            var field = $"metrics[{i}]";
            if (metrics[i] is not { } metric)
            {
                errors.Add(new(field, "must be an object"));
                continue;
            }

            Names.Require(errors, $"{field}.name", metric.Name);
            if (metric.Name is not null && !names.Add(metric.Name))
            {
                errors.Add(new($"{field}.name", $"another metric is already named '{metric.Name}'"));
            }

            CheckSchedule(errors, field, metric);
            CheckConditions(errors, field, metric);
            MetricProviderRules.Check(errors, $"{field}.provider", metric.Provider, declared);
        }
    }

    private static HashSet<string> CheckArguments(List<ValidationError> errors, IReadOnlyList<AnalysisArgument> args)
    {
        InputLimits.CountAtMost(errors, "args", args.Count, MaxArguments, "arguments");
        var declared = new HashSet<string>(AnalysisTemplate.BuiltInArguments, StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i]?.Name is not { Length: > 0 } name || !AnalysisArguments.IsName(name))
            {
                errors.Add(new($"args[{i}].name", "must be letters, digits, '_', '-' or '.'"));
                continue;
            }

            if (AnalysisTemplate.BuiltInArguments.Contains(name))
            {
                errors.Add(new($"args[{i}].name", $"'{name}' is filled in by every deployment and cannot be declared"));
            }
            else if (!declared.Add(name))
            {
                errors.Add(new($"args[{i}].name", $"argument '{name}' is declared twice"));
            }

            if (args[i].Value is { Length: > MaxProviderText })
            {
                errors.Add(new($"args[{i}].value", $"must be at most {MaxProviderText} characters"));
            }
        }

        return declared;
    }

    private static void CheckSchedule(List<ValidationError> errors, string field, AnalysisMetric metric)
    {
        if (metric.Interval < MinInterval || metric.Interval > MaxInterval)
        {
            errors.Add(new($"{field}.interval", $"must be between {MinInterval.TotalSeconds:0}s and {InputLimits.Format(MaxInterval)}"));
        }

        if (metric.InitialDelay is { } delay && (delay < TimeSpan.Zero || delay > MaxInterval))
        {
            errors.Add(new($"{field}.initial_delay", $"must be between 0s and {InputLimits.Format(MaxInterval)}"));
        }

        if (metric.Count is < 1 or > MaxCount)
        {
            errors.Add(new($"{field}.count", $"must be between 1 and {MaxCount}, or left out to measure until the analysis stops"));
        }

        foreach (var (name, value) in new[] { ("failure_limit", metric.FailureLimit), ("inconclusive_limit", metric.InconclusiveLimit), ("consecutive_error_limit", metric.ConsecutiveErrorLimit) })
        {
            if (value is < 0 or > MaxLimit)
            {
                errors.Add(new($"{field}.{name}", $"must be between 0 and {MaxLimit}"));
            }
        }
    }

    private static void CheckConditions(List<ValidationError> errors, string field, AnalysisMetric metric)
    {
        if (string.IsNullOrWhiteSpace(metric.SuccessCondition) && string.IsNullOrWhiteSpace(metric.FailureCondition))
        {
            errors.Add(new($"{field}.success_condition", "a metric needs a success_condition, a failure_condition or both"));
            return;
        }

        foreach (var (name, condition) in new[] { ("success_condition", metric.SuccessCondition), ("failure_condition", metric.FailureCondition) })
        {
            if (condition is not null && MetricCondition.Check(condition) is { } problem)
            {
                errors.Add(new($"{field}.{name}", problem));
            }
        }
    }
}
