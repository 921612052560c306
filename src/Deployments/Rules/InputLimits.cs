using Deployments.Refusals;

namespace Deployments.Rules;

/// <summary>
/// Every bound on what a caller sets, in one place (docs/input-limits.md lists them). Each is far above
/// what a real deployment needs and far below what would make a rollout, a stored document or a driver
/// misbehave; one past it is a 400 naming the field and the limit.
/// </summary>
public static class InputLimits
{
    public const int MaxInstancesPerGroup = 1000;
    public const int MaxGroupsPerApp = 32;
    public const int MaxInFlight = 1000;
    public const int MaxCanarySteps = 20;
    public const int MinInstanceWeight = 1;
    public const int MaxInstanceWeight = 100;

    /// <summary>Pauses, health times, deadlines and delays of a rollout: a week.</summary>
    public static readonly TimeSpan MaxRolloutDuration = TimeSpan.FromDays(7);

    /// <summary>How long a promotion may wait for its approval: thirty days.</summary>
    public static readonly TimeSpan MaxApprovalExpiry = TimeSpan.FromDays(30);

    public const int MaxEnvironmentOrder = 1000;
    public const int MaxPipelineStages = 20;
    public const int MaxAppsPerStage = 100;
    public const int MaxMetadataEntries = 64;
    public const int MaxMetadataKeyLength = 128;
    public const int MaxMetadataValueLength = 1024;
    public const int MaxDriverSettings = 64;
    public const int MaxArgs = 256;
    public const int MaxConfigEntries = 256;
    public const int MaxEnvironmentVariables = 256;
    public const int MaxVolumes = 32;
    public const double MaxCpu = 256;
    public const int MaxMemoryMb = 1024 * 1024;
    public const int MaxDiskMb = 16 * 1024 * 1024;
    public const int MaxReasonLength = 1000;

    /// <summary>"168h": the form durations take on the wire, so a message names the limit as a caller writes it.</summary>
    public static string Format(TimeSpan limit) => $"{(int)limit.TotalHours}h";

    public static void AtMost(ICollection<ValidationError> errors, string field, long value, long limit, string what = "")
    {
        if (value > limit)
        {
            errors.Add(new(field, $"must be at most {limit}{what}"));
        }
    }

    public static void AtMost(ICollection<ValidationError> errors, string field, TimeSpan value, TimeSpan limit)
    {
        if (value > limit)
        {
            errors.Add(new(field, $"must be at most {Format(limit)}"));
        }
    }

    public static void CountAtMost(ICollection<ValidationError> errors, string field, int? count, int limit, string items)
    {
        if (count > limit)
        {
            errors.Add(new(field, $"at most {limit} {items}"));
        }
    }
}
