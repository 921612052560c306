using System.Text.Json.Serialization;

namespace Deployments.Drivers.Processes;

/// <summary>
/// What a host must remember to find an allocation's process again after a restart: written next to the process's
/// log in the cluster's state directory, one file per allocation.
/// </summary>
/// <param name="StartMarker">With <paramref name="BootId"/>, tells this process from a later one given the same pid.</param>
/// <param name="StartedAt">Wall-clock launch time, for people; identity uses the start marker.</param>
internal sealed record AllocationState(
    string AllocationId,
    int ProcessId,
    long StartMarker,
    string? BootId,
    int Port,
    string Address,
    string HealthUrl,
    DateTimeOffset StartedAt,
    string LogFile)
{
    [JsonIgnore]
    public ProcessFingerprint Fingerprint => new(ProcessId, StartMarker, BootId);

    public Placement ToPlacement() => new(AllocationId, Address, ProcessId, HealthUrl);

    public RunningAllocation ToRunningAllocation() => new(AllocationId, Address, ProcessId);
}
