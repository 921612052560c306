using Deployments.Model;

namespace Deployments.Rules;

/// <summary>Checks deployment options against the rules of the strategy; every error names its field.</summary>
public static class DeploymentOptionsValidator
{
    public static IReadOnlyList<ValidationError> Validate(Strategy strategy, DeploymentOptions options, IReadOnlyDictionary<string, int> appGroups)
    {
        var errors = new List<ValidationError>();
        if (options.MaxInFlight < 1)
        {
            errors.Add(new("options.max_in_flight", "must be at least 1"));
        }

        foreach (var (group, count) in options.Groups ?? new Dictionary<string, int>())
        {
            if (!appGroups.ContainsKey(group))
            {
                errors.Add(new($"options.groups.{group}", $"the app has no group '{group}' (it has: {string.Join(", ", appGroups.Keys)})"));
            }

            if (count < 0)
            {
                errors.Add(new($"options.groups.{group}", "instance count must not be negative"));
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

        for (var i = 0; i < options.Steps.Count; i++)
        {
            var step = options.Steps[i];
            if (step.InstanceWeight is < 1 or > 100)
            {
                errors.Add(new($"options.steps[{i}].instance_weight", "must be between 1 and 100"));
            }
            else if (i > 0 && step.InstanceWeight <= options.Steps[i - 1].InstanceWeight)
            {
                errors.Add(new($"options.steps[{i}].instance_weight", "must be greater than the previous step's weight"));
            }

            if (step.Pause is { } pause && pause < TimeSpan.Zero)
            {
                errors.Add(new($"options.steps[{i}].pause", "must not be negative"));
            }
        }

        NotNegative(errors, "options.min_healthy_time", options.MinHealthyTime);
        NotNegative(errors, "options.scale_down_delay", options.ScaleDownDelay);
        Positive(errors, "options.healthy_deadline", options.HealthyDeadline);
        Positive(errors, "options.progress_deadline", options.ProgressDeadline);
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
