using Deployments.Model;
using Deployments.Refusals;

namespace Deployments.Rules;

/// <summary>Checks deployment options against the rules of the strategy; every error names its field.</summary>
internal static class DeploymentOptionsValidator
{
    public static IReadOnlyList<ValidationError> Validate(Strategy strategy, DeploymentOptions options, IReadOnlyDictionary<string, int> appGroups)
    {
        var errors = new List<ValidationError>();
        if (options.MaxInFlight < 1)
        {
            errors.Add(new("options.max_in_flight", "must be at least 1"));
        }

        InputLimits.AtMost(errors, "options.max_in_flight", options.MaxInFlight, InputLimits.MaxInFlight);
        InputLimits.CountAtMost(errors, "options.steps", options.Steps.Count, InputLimits.MaxCanarySteps, "steps");

        foreach (var (group, count) in options.Groups ?? new Dictionary<string, int>())
        {
            if (!appGroups.ContainsKey(group))
            {
                errors.Add(new($"options.groups.{group}", $"the app has no group '{group}' (it has: {string.Join(", ", appGroups.Keys)})"));
            }

            if (count is < 0 or > InputLimits.MaxInstancesPerGroup)
            {
                errors.Add(new($"options.groups.{group}", $"instance count must be between 0 and {InputLimits.MaxInstancesPerGroup}"));
            }
        }

        if (strategy == Strategy.Canary && options.Steps.Count == 0)
        {
            errors.Add(new("options.steps", "a canary deployment needs at least one step"));
        }

        if (strategy == Strategy.Rolling && options.Steps.Count > 0)
        {
            errors.Add(new("options.steps", "steps apply to the canary strategy only"));
        }

        if (strategy == Strategy.Rolling && options.Analysis is not null)
        {
            errors.Add(new("options.analysis", "background analysis runs during canary steps: it applies to the canary strategy only"));
        }

        for (var i = 0; i < options.Steps.Count; i++)
        {
            var step = options.Steps[i];
            if (step.InstanceWeight is < InputLimits.MinInstanceWeight or > InputLimits.MaxInstanceWeight)
            {
                errors.Add(new($"options.steps[{i}].instance_weight", $"must be between {InputLimits.MinInstanceWeight} and {InputLimits.MaxInstanceWeight}"));
            }
            else if (i > 0 && step.InstanceWeight <= options.Steps[i - 1].InstanceWeight)
            {
                errors.Add(new($"options.steps[{i}].instance_weight", "must be greater than the previous step's weight"));
            }

            if (step.Pause is { } pause && pause < TimeSpan.Zero)
            {
                errors.Add(new($"options.steps[{i}].pause", "must not be negative"));
            }
            else if (step.Pause is { } wait)
            {
                InputLimits.AtMost(errors, $"options.steps[{i}].pause", wait, InputLimits.MaxRolloutDuration);
            }
        }

        NotNegative(errors, "options.min_healthy_time", options.MinHealthyTime);
        NotNegative(errors, "options.scale_down_delay", options.ScaleDownDelay);
        Positive(errors, "options.healthy_deadline", options.HealthyDeadline);
        Positive(errors, "options.progress_deadline", options.ProgressDeadline);
        foreach (var (field, value) in new[] { ("options.min_healthy_time", options.MinHealthyTime), ("options.scale_down_delay", options.ScaleDownDelay),
            ("options.healthy_deadline", options.HealthyDeadline), ("options.progress_deadline", options.ProgressDeadline) })
        {
            InputLimits.AtMost(errors, field, value, InputLimits.MaxRolloutDuration);
        }

        if (options.HealthyDeadline <= options.MinHealthyTime)
        {
            errors.Add(new("options.healthy_deadline", "must be longer than min_healthy_time"));
        }

        if (options.ProgressDeadline < options.HealthyDeadline)
        {
            errors.Add(new("options.progress_deadline", "must not be shorter than healthy_deadline"));
        }

        return errors;
    }

    private static void NotNegative(List<ValidationError> errors, string field, TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            errors.Add(new(field, "must not be negative"));
        }
    }

    private static void Positive(List<ValidationError> errors, string field, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add(new(field, "must be positive"));
        }
    }
}
