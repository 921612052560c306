namespace Deployments.Drivers;

/// <summary>What to run for one allocation (one instance of one group of one app revision).</summary>
/// <param name="AllocationId">Chosen by the control plane; drivers key idempotency on it.</param>
/// <param name="DeploymentId">The deployment that placed it, for platforms that label or log by deployment.</param>
/// <param name="AppName">The app's name, for the platform's own listing and logs.</param>
/// <param name="Group">The app's instance group this allocation counts toward (e.g. <c>web</c>).</param>
/// <param name="Revision">The app revision's number; a rollout mixes allocations of two revisions.</param>
/// <param name="Command">The revision's command, or its container image when it names an image instead.</param>
/// <param name="Args">Arguments of <paramref name="Command"/>, passed as they are, never split or expanded by a shell.</param>
/// <param name="Environment">Environment variables for the allocation, with the revision's secret references already resolved.</param>
/// <param name="HealthPath">Path of the app's health endpoint, e.g. <c>/health</c>.</param>
public sealed record AllocationSpec(
    string AllocationId,
    string DeploymentId,
    string AppName,
    string Group,
    int Revision,
    string Command,
    IReadOnlyList<string> Args,
    IReadOnlyDictionary<string, string> Environment,
    string HealthPath);
