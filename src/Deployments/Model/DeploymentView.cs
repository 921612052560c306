namespace Deployments.Model;

/// <summary>
/// A deployment as clients see it: the body of <c>GET /api/deployments/{id}</c> and the <c>data</c> of every
/// notification, one shape for both. The stored record's bookkeeping (the engine's instance id, ids of applied
/// updates, pause accounting) stays inside. The API extends it with links; it adds no field of its own here.
/// </summary>
/// <param name="Id">The deployment's id.</param>
/// <param name="AppId">The app it deploys.</param>
/// <param name="Namespace">The namespace of the app.</param>
/// <param name="ClusterId">The cluster it deploys to.</param>
/// <param name="Revision">The revision it rolls out.</param>
/// <param name="PreviousRevision">The revision that ran before, if any.</param>
/// <param name="Strategy">How it rolls out.</param>
/// <param name="Kind">A rollout, a rollback or a promotion to another cluster.</param>
/// <param name="Options">The rollout's options, durations written as people write them.</param>
/// <param name="Status">Nomad's status word, which lists filter on.</param>
/// <param name="StatusDescription">The status in words.</param>
/// <param name="State">The status in Cloud Foundry's shape.</param>
/// <param name="Groups">Counts of each task group.</param>
/// <param name="CurrentStep">The canary step it is at.</param>
/// <param name="TotalSteps">How many canary steps it has (none for other strategies).</param>
/// <param name="CreatedBy">Who started it.</param>
/// <param name="Reason">Why, as its starter said.</param>
/// <param name="CreatedAt">When it was started.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="ModifyIndex">Increases on every change; a blocking read waits for the next one.</param>
/// <param name="PausedAt">When the current pause began, while paused.</param>
/// <param name="Supersedes">The deployment of the same app this one replaces.</param>
/// <param name="Instant">Straight to full scale, with no steps or pauses.</param>
/// <param name="AwaitingApprovalFor">The environment whose promotion waits for an approve or reject.</param>
/// <param name="Metadata">Its labels and annotations.</param>
public record DeploymentView(
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
    ResourceMetadata Metadata)
{
    /// <summary>The public shape of <paramref name="deployment"/>.</summary>
    public static DeploymentView Of(Deployment deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        return new(
            deployment.Id, deployment.AppId, deployment.Namespace, deployment.ClusterId, deployment.Revision, deployment.PreviousRevision,
            deployment.Strategy, deployment.Kind, deployment.Options, deployment.Status, deployment.StatusDescription, DeploymentState.Of(deployment), deployment.Groups,
            deployment.CurrentStep, deployment.TotalSteps, deployment.CreatedBy, deployment.Reason, deployment.CreatedAt, deployment.UpdatedAt,
            deployment.ModifyIndex, deployment.PausedAt, deployment.Supersedes, deployment.Instant, deployment.AwaitingApprovalFor, deployment.Metadata);
    }
}
