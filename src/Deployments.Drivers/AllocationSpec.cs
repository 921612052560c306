namespace Deployments.Drivers;

/// <summary>What to run for one allocation (one instance of one group of one app revision).</summary>
/// <param name="AllocationId">Chosen by the control plane; drivers key idempotency on it.</param>
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
