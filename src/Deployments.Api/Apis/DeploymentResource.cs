using Deployments.Model;

namespace Deployments.Api.Apis;

/// <summary>
/// A deployment as the API shows it: its public state and where to go next. The stored record's
/// bookkeeping (ids of applied updates, the engine's instance id, pause accounting) stays inside.
/// </summary>
internal sealed record DeploymentResource(
    Guid Id,
    Guid AppId,
    string Namespace,
    Guid ClusterId,
    int Revision,
    int? PreviousRevision,
    Strategy Strategy,
    DeploymentKind Kind,
    DeploymentOptions Options,
    DeploymentStatus Status,
    string StatusDescription,
    DeploymentState State,
    IReadOnlyDictionary<string, GroupState> Groups,
    int CurrentStep,
    int TotalSteps,
    string CreatedBy,
    string? Reason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long ModifyIndex,
    DateTimeOffset? PausedAt,
    Guid? Supersedes,
    bool Instant,
    string? AwaitingApprovalFor,
    ResourceMetadata Metadata,
    DeploymentLinks Links)
{
    public static DeploymentResource From(Deployment deployment) => new(
        deployment.Id, deployment.AppId, deployment.Namespace, deployment.ClusterId, deployment.Revision, deployment.PreviousRevision,
        deployment.Strategy, deployment.Kind, deployment.Options, deployment.Status, deployment.StatusDescription, DeploymentState.Of(deployment), deployment.Groups,
        deployment.CurrentStep, deployment.TotalSteps, deployment.CreatedBy, deployment.Reason, deployment.CreatedAt, deployment.UpdatedAt,
        deployment.ModifyIndex, deployment.PausedAt, deployment.Supersedes, deployment.Instant, deployment.AwaitingApprovalFor, deployment.Metadata,
        DeploymentLinks.For(deployment));
}

/// <summary>
/// Where to follow a deployment: itself, a blocking read that answers at its next change, its timeline and
/// allocations, and the commands (each a POST).
/// </summary>
internal sealed record DeploymentLinks(string Self, string Next, string Events, string Allocations, IReadOnlyDictionary<string, string> Commands)
{
    private static readonly string[] CommandNames = ["promote", "continue", "pause", "fail", "cancel", "allocation-health", "approve", "reject", "promote-to-cluster"];

    public static DeploymentLinks For(Deployment deployment)
    {
        var self = $"/api/deployments/{deployment.Id}";
        return new DeploymentLinks(self, $"{self}?index={deployment.ModifyIndex}&wait=30s", $"{self}/events", $"{self}/allocations",
            CommandNames.ToDictionary(name => name, name => $"{self}/{name}"));
    }
}
