using Deployments.Refusals;

namespace Deployments.Rules;

/// <summary>
/// Every bound on what a caller sets, in one place (docs/input-limits.md lists them). Each is far above
/// what a real deployment needs and far below what would make a rollout, a stored document or a driver
/// misbehave; one past it is a 400 naming the field and the limit.
/// </summary>
public static class InputLimits
{
    /// <summary>Instances one group of an app may ask for.</summary>
    public const int MaxInstancesPerGroup = 1000;
    /// <summary>Groups one app may have.</summary>
    public const int MaxGroupsPerApp = 32;
    /// <summary>Allocations a rollout may replace at once (options.max_in_flight).</summary>
    public const int MaxInFlight = 1000;
    /// <summary>Steps in one canary rollout.</summary>
    public const int MaxCanarySteps = 20;
    /// <summary>Smallest canary step weight, in percent.</summary>
    public const int MinInstanceWeight = 1;
    /// <summary>Largest canary step weight, in percent: the whole app.</summary>
    public const int MaxInstanceWeight = 100;

    /// <summary>Pauses, health times, deadlines and delays of a rollout: a week.</summary>
    public static readonly TimeSpan MaxRolloutDuration = TimeSpan.FromDays(7);

    /// <summary>How long a promotion may wait for its approval: thirty days.</summary>
    public static readonly TimeSpan MaxApprovalExpiry = TimeSpan.FromDays(30);

    /// <summary>Highest position an environment may take in the promotion order.</summary>
    public const int MaxEnvironmentOrder = 1000;
    /// <summary>Stages in one pipeline.</summary>
    public const int MaxPipelineStages = 20;
    /// <summary>Target apps in one pipeline stage.</summary>
    public const int MaxAppsPerStage = 100;
    /// <summary>Labels, or annotations, on one resource.</summary>
    public const int MaxMetadataEntries = 64;
    /// <summary>Characters in a label or annotation key.</summary>
    public const int MaxMetadataKeyLength = 128;
    /// <summary>Characters in a label or annotation value.</summary>
    public const int MaxMetadataValueLength = 1024;
    /// <summary>Driver-specific settings on one revision.</summary>
    public const int MaxDriverSettings = 64;
    /// <summary>Command-line arguments on one revision.</summary>
    public const int MaxArgs = 256;
    /// <summary>Config entries on one revision.</summary>
    public const int MaxConfigEntries = 256;
    /// <summary>Environment variables on one revision.</summary>
    public const int MaxEnvironmentVariables = 256;
    /// <summary>Volumes one revision may mount.</summary>
    public const int MaxVolumes = 32;
    /// <summary>CPU one instance may ask for, in cores.</summary>
    public const double MaxCpu = 256;
    /// <summary>Memory one instance may ask for, in MB (1 TB).</summary>
    public const int MaxMemoryMb = 1024 * 1024;
    /// <summary>Disk one instance may ask for, in MB (16 TB).</summary>
    public const int MaxDiskMb = 16 * 1024 * 1024;
    /// <summary>Characters in a free-text reason.</summary>
    public const int MaxReasonLength = 1000;

    /// <summary>"168h": the form durations take on the wire, so a message names the limit as a caller writes it.</summary>
    public static string Format(TimeSpan limit) => $"{(int)limit.TotalHours}h";

    /// <summary>Adds an error for <paramref name="field"/> when <paramref name="value"/> is over <paramref name="limit"/>; <paramref name="what"/> is appended to the limit in the message (a unit, say).</summary>
    public static void AtMost(ICollection<ValidationError> errors, string field, long value, long limit, string what = "")
    {
        if (value > limit)
        {
            errors.Add(new(field, $"must be at most {limit}{what}"));
        }
    }

    /// <summary>Adds an error for <paramref name="field"/> when the duration <paramref name="value"/> is over <paramref name="limit"/>, naming the limit in hours.</summary>
    public static void AtMost(ICollection<ValidationError> errors, string field, TimeSpan value, TimeSpan limit)
    {
        if (value > limit)
        {
            errors.Add(new(field, $"must be at most {Format(limit)}"));
        }
    }

    /// <summary>Adds an error for <paramref name="field"/> when a collection holds more than <paramref name="limit"/> <paramref name="items"/>; a null count passes.</summary>
    public static void CountAtMost(ICollection<ValidationError> errors, string field, int? count, int limit, string items)
    {
        if (count > limit)
        {
            errors.Add(new(field, $"at most {limit} {items}"));
        }
    }
}
