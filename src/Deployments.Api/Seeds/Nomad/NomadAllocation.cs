using System.Text.Json.Serialization;
using Deployments.Model;

namespace Deployments.Api.Seeds.Nomad;

/// <summary>
/// Nomad's AllocationListStub, as <c>GET /v1/deployment/allocations/:deployment_id</c> lists them. The node is the
/// cluster the allocation runs on; the evaluation is the one standing for the deployment's latest change (<see cref="NomadEvaluation"/>).
/// </summary>
internal sealed record NomadAllocation(
    [property: JsonPropertyName("ID")] Guid Id,
    [property: JsonPropertyName("EvalID")] Guid EvalId,
    [property: JsonPropertyName("Name")] string Name,
    [property: JsonPropertyName("Namespace")] string Namespace,
    [property: JsonPropertyName("NodeID")] Guid NodeId,
    [property: JsonPropertyName("NodeName")] string NodeName,
    [property: JsonPropertyName("JobID")] string JobId,
    [property: JsonPropertyName("JobVersion")] int JobVersion,
    [property: JsonPropertyName("TaskGroup")] string TaskGroup,
    [property: JsonPropertyName("DesiredStatus")] string DesiredStatus,
    [property: JsonPropertyName("DesiredDescription")] string DesiredDescription,
    [property: JsonPropertyName("ClientStatus")] string ClientStatus,
    [property: JsonPropertyName("ClientDescription")] string ClientDescription,
    [property: JsonPropertyName("DeploymentStatus")] NomadAllocationDeploymentStatus DeploymentStatus,
    [property: JsonPropertyName("CreateIndex")] long CreateIndex,
    [property: JsonPropertyName("ModifyIndex")] long ModifyIndex,
    [property: JsonPropertyName("CreateTime")] long CreateTime,
    [property: JsonPropertyName("ModifyTime")] long ModifyTime)
{
    /// <param name="allocation">The allocation.</param>
    /// <param name="deployment">The deployment that placed it.</param>
    /// <param name="jobId">The app's name (Nomad's job ID).</param>
    /// <param name="nodeName">The cluster's name.</param>
    /// <param name="index">Its place in its group, by creation, as in Nomad's <c>job.group[index]</c>.</param>
    public static NomadAllocation From(Allocation allocation, Deployment deployment, string jobId, string nodeName, int index) => new(
        allocation.Id, NomadEvaluation.For(deployment.Id, deployment.ModifyIndex), $"{jobId}.{allocation.Group}[{index}]", deployment.Namespace,
        deployment.ClusterId, nodeName, jobId, allocation.Revision, allocation.Group,
        allocation.DesiredStatus is AllocationStatus.Stopped or AllocationStatus.Lost ? "stop" : "run",
        allocation.DesiredStatus is AllocationStatus.Stopped or AllocationStatus.Lost ? "alloc is being stopped" : string.Empty,
        ClientStatusOf(allocation), ClientDescriptionOf(allocation),
        new NomadAllocationDeploymentStatus(
            allocation.Health switch { AllocationHealth.Healthy => true, AllocationHealth.Unhealthy => false, _ => null },
            (allocation.HealthySince ?? allocation.UpdatedAt).UtcDateTime, allocation.Canary, allocation.ModifyIndex),
        NomadTime.Index(allocation.CreatedAt), allocation.ModifyIndex, NomadTime.UnixNanoseconds(allocation.CreatedAt), NomadTime.UnixNanoseconds(allocation.UpdatedAt));

    /// <summary>Nomad's client statuses: a stopped allocation that was unhealthy failed, any other stopped one completed.</summary>
    private static string ClientStatusOf(Allocation allocation) => allocation.ActualStatus switch
    {
        AllocationStatus.Pending => "pending",
        AllocationStatus.Running => "running",
        AllocationStatus.Lost => "lost",
        _ when allocation.Health == AllocationHealth.Unhealthy => "failed",
        _ => "complete",
    };

    private static string ClientDescriptionOf(Allocation allocation) => ClientStatusOf(allocation) switch
    {
        "pending" => "No tasks have started",
        "running" => "Tasks are running",
        "lost" => "alloc is lost since its node is down",
        "failed" => "Failed tasks",
        _ => "All tasks have completed",
    };
}

/// <summary>Nomad's AllocDeploymentStatus: the allocation's health as its deployment sees it; null until decided.</summary>
internal sealed record NomadAllocationDeploymentStatus(
    [property: JsonPropertyName("Healthy"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] bool? Healthy,
    [property: JsonPropertyName("Timestamp")] DateTime Timestamp,
    [property: JsonPropertyName("Canary")] bool Canary,
    [property: JsonPropertyName("ModifyIndex")] long ModifyIndex);
