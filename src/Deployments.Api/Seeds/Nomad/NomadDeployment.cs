using System.Text.Json.Serialization;
using Deployments.Model;

namespace Deployments.Api.Seeds.Nomad;

/// <summary>
/// Nomad's Deployment object, PascalCase as its API writes it. The job is the app (its name is the job ID, unique
/// per namespace as job IDs are), the job version the revision; indexes are on the modify indexes' scale.
/// </summary>
internal sealed record NomadDeployment(
    [property: JsonPropertyName("ID")] Guid Id,
    [property: JsonPropertyName("Namespace")] string Namespace,
    [property: JsonPropertyName("JobID")] string JobId,
    [property: JsonPropertyName("JobVersion")] int JobVersion,
    [property: JsonPropertyName("JobModifyIndex")] long JobModifyIndex,
    [property: JsonPropertyName("JobSpecModifyIndex")] long JobSpecModifyIndex,
    [property: JsonPropertyName("JobCreateIndex")] long JobCreateIndex,
    [property: JsonPropertyName("IsMultiregion")] bool IsMultiregion,
    [property: JsonPropertyName("TaskGroups")] IReadOnlyDictionary<string, NomadDeploymentState> TaskGroups,
    [property: JsonPropertyName("Status")] string Status,
    [property: JsonPropertyName("StatusDescription")] string StatusDescription,
    [property: JsonPropertyName("CreateIndex")] long CreateIndex,
    [property: JsonPropertyName("ModifyIndex")] long ModifyIndex)
{
    /// <summary>
    /// The deployment in Nomad's shape. <paramref name="app"/> is null when the app is gone (its id stands for the
    /// job then); <paramref name="canaries"/> are the ids of the canaries it placed, per group.
    /// </summary>
    public static NomadDeployment From(Deployment deployment, App? app, ILookup<string, Guid> canaries)
    {
        // The deployment registered its job version when it was created: the job's indexes are its creation's.
        var created = NomadTime.Index(deployment.CreatedAt);
        return new(
            deployment.Id, deployment.Namespace, app?.Name ?? deployment.AppId.ToString(), deployment.Revision, created, created,
            app is null ? created : NomadTime.Index(app.CreatedAt), false,
            deployment.Groups.ToDictionary(g => g.Key, g => NomadDeploymentState.From(deployment, g.Value, [.. canaries[g.Key]])),
            StatusOf(deployment.Status), deployment.StatusDescription, created, deployment.ModifyIndex);
    }

    /// <summary>
    /// Nomad's status words. Nomad has no "promoting": a promoted deployment is running until it ends. Ours
    /// waiting for an approval or the deployment it supersedes is pending, as Nomad's waiting deployments are.
    /// </summary>
    public static string StatusOf(DeploymentStatus status) => status switch
    {
        DeploymentStatus.Pending => "pending",
        DeploymentStatus.Running or DeploymentStatus.Promoting => "running",
        DeploymentStatus.Paused => "paused",
        DeploymentStatus.Successful => "successful",
        DeploymentStatus.Failed => "failed",
        DeploymentStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "A status with no Nomad word."),
    };
}

/// <summary>Nomad's DeploymentState: one task group's progress in a deployment.</summary>
internal sealed record NomadDeploymentState(
    [property: JsonPropertyName("AutoRevert")] bool AutoRevert,
    [property: JsonPropertyName("AutoPromote")] bool AutoPromote,
    [property: JsonPropertyName("ProgressDeadline")] long ProgressDeadline,
    [property: JsonPropertyName("RequireProgressBy")] DateTime RequireProgressBy,
    [property: JsonPropertyName("Promoted")] bool Promoted,
    [property: JsonPropertyName("PlacedCanaries")] IReadOnlyList<Guid> PlacedCanaries,
    [property: JsonPropertyName("DesiredCanaries")] int DesiredCanaries,
    [property: JsonPropertyName("DesiredTotal")] int DesiredTotal,
    [property: JsonPropertyName("PlacedAllocs")] int PlacedAllocs,
    [property: JsonPropertyName("HealthyAllocs")] int HealthyAllocs,
    [property: JsonPropertyName("UnhealthyAllocs")] int UnhealthyAllocs)
{
    public static NomadDeploymentState From(Deployment deployment, GroupState group, IReadOnlyList<Guid> canaries) => new(
        deployment.Options.AutoRevert, deployment.Options.AutoPromote, NomadTime.Nanoseconds(deployment.Options.ProgressDeadline),
        ProgressDeadlineOf(deployment), group.Promoted, canaries, group.Canaries, group.Desired, group.Placed, group.Healthy, group.Unhealthy);

    /// <summary>
    /// While it rolls out, the deadline counted from its last change (paused time is left out, so a paused
    /// deployment has none); Go's zero time otherwise, as Nomad writes a deadline that does not run.
    /// </summary>
    private static DateTime ProgressDeadlineOf(Deployment deployment) =>
        deployment.Status is DeploymentStatus.Running or DeploymentStatus.Promoting
            ? (deployment.UpdatedAt + deployment.Options.ProgressDeadline).UtcDateTime
            : NomadTime.Zero;
}
