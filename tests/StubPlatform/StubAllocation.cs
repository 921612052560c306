namespace StubPlatform;

/// <summary>An allocation the stub platform holds, as the driver's place request described it.</summary>
public sealed record StubAllocation(
    string AllocationId,
    string DeploymentId,
    string AppName,
    string Group,
    int Revision,
    IReadOnlyDictionary<string, string> Environment,
    DateTimeOffset PlacedAt)
{
    /// <summary>Allocations whose environment asks for failure are never healthy: how tests stage a bad revision.</summary>
    public bool FailsHealth =>
        Environment.TryGetValue("FAIL_HEALTH", out var value) && value.Equals("true", StringComparison.OrdinalIgnoreCase);
}
