namespace Deployments.Model;

/// <summary>How a deployment replaces the running instances.</summary>
public enum Strategy
{
    /// <summary>Replace instances a batch at a time, up to the max in flight.</summary>
    Rolling,

    /// <summary>Move a growing share of instances to the new revision in steps, pausing between them.</summary>
    Canary,
}

/// <summary>Where a rollout learns whether new allocations are healthy.</summary>
public enum HealthCheckMode
{
    /// <summary>Health comes from probing the allocations.</summary>
    Checks,

    /// <summary>Health is set by hand (the allocation-health command).</summary>
    Manual,
}

/// <summary>One canary step: the share of instances on the new revision, then an analysis, a pause, or both.</summary>
/// <param name="InstanceWeight">1..100, ascending across steps.</param>
/// <param name="Pause">Null: pause until continued or promoted (unless an analysis decides). A duration: continue on its own after it.</param>
/// <param name="Analysis">Analysis run once the step's instances are healthy; the step continues when it succeeds.</param>
public sealed record CanaryStep(int InstanceWeight, TimeSpan? Pause = null, AnalysisGate? Analysis = null);

/// <summary>How a deployment rolls out: batch size, canary steps, health and deadlines.</summary>
public sealed record DeploymentOptions
{
    /// <summary>Allocations replaced at once in a rolling update.</summary>
    public int MaxInFlight { get; init; } = 1;

    /// <summary>
    /// Instance count per group (the app's counts for a group not named); once the deployment succeeds they
    /// are the app's counts, as a scaled job or app keeps its new count in Nomad and Cloud Foundry.
    /// </summary>
    public IReadOnlyDictionary<string, int>? Groups { get; init; }

    /// <summary>Canary steps, in order; empty for a rolling update.</summary>
    public IReadOnlyList<CanaryStep> Steps { get; init; } = [];

    /// <summary>Whether canaries are promoted on their own once healthy, rather than waiting for a promote.</summary>
    public bool AutoPromote { get; init; }

    /// <summary>Whether a failed deployment rolls back to the last stable revision on its own.</summary>
    public bool AutoRevert { get; init; }

    /// <summary>Where health comes from.</summary>
    public HealthCheckMode HealthCheck { get; init; } = HealthCheckMode.Checks;

    /// <summary>How long an allocation must stay healthy before it counts as healthy.</summary>
    public TimeSpan MinHealthyTime { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long each batch of new allocations has to become healthy before the deployment fails as unhealthy.</summary>
    public TimeSpan HealthyDeadline { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long the deployment may go without a batch becoming healthy before it fails; paused time is left out.</summary>
    public TimeSpan ProgressDeadline { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Analysis that runs in the background from the first canary step until promotion, failing the deployment the moment a metric fails.</summary>
    public AnalysisGate? Analysis { get; init; }

    /// <summary>How long old allocations keep running once the deployment succeeds, so a quick rollback needs no new placements.</summary>
    public TimeSpan ScaleDownDelay { get; init; } = TimeSpan.Zero;

    /// <summary>The counts this deployment runs: the app's, with those named in <see cref="Groups"/> replaced.</summary>
    public IReadOnlyDictionary<string, int> CountsFor(IReadOnlyDictionary<string, int> appGroups) =>
        appGroups.ToDictionary(g => g.Key, g => Groups?.TryGetValue(g.Key, out var count) == true ? count : g.Value);
}
