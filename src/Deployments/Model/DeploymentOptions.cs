namespace Deployments.Model;

public enum Strategy
{
    Rolling,
    Canary,
}

public enum HealthCheckMode
{
    /// <summary>Health comes from probing the allocations.</summary>
    Checks,

    /// <summary>Health is set by hand (the allocation-health command).</summary>
    Manual,
}

/// <summary>One canary step: the share of instances on the new revision, then a pause.</summary>
/// <param name="InstanceWeight">1..100, ascending across steps.</param>
/// <param name="Pause">Null: pause until continued or promoted. A duration: continue on its own after it.</param>
public sealed record CanaryStep(int InstanceWeight, TimeSpan? Pause = null);

public sealed record DeploymentOptions
{
    public int MaxInFlight { get; init; } = 1;

    /// <summary>
    /// Instance count per group (the app's counts for a group not named); once the deployment succeeds they
    /// are the app's counts, as a scaled job or app keeps its new count in Nomad and Cloud Foundry.
    /// </summary>
    public IReadOnlyDictionary<string, int>? Groups { get; init; }

    public IReadOnlyList<CanaryStep> Steps { get; init; } = [];

    public bool AutoPromote { get; init; }

    public bool AutoRevert { get; init; }

    public HealthCheckMode HealthCheck { get; init; } = HealthCheckMode.Checks;

    public TimeSpan MinHealthyTime { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan HealthyDeadline { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan ProgressDeadline { get; init; } = TimeSpan.FromMinutes(10);

    public TimeSpan ScaleDownDelay { get; init; } = TimeSpan.Zero;

    /// <summary>The counts this deployment runs: the app's, with those named in <see cref="Groups"/> replaced.</summary>
    public IReadOnlyDictionary<string, int> CountsFor(IReadOnlyDictionary<string, int> appGroups) =>
        appGroups.ToDictionary(g => g.Key, g => Groups?.TryGetValue(g.Key, out var count) == true ? count : g.Value);
}
