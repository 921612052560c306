using Deployments.Model;

namespace Deployments.Notifications;

/// <summary>
/// A deployment as subscribers receive it in a CloudEvent's <c>data</c>: its public state, in the API's field
/// names. The stored record's bookkeeping (the engine's instance id, ids of applied updates, pause accounting)
/// stays inside, as it does in the API's answers.
/// </summary>
public sealed record DeploymentNotice(
    Guid Id,
    Guid AppId,
    string Namespace,
    Guid ClusterId,
    int Revision,
    int? PreviousRevision,
    Strategy Strategy,
    DeploymentKind Kind,
    DeploymentStatus Status,
    string StatusDescription,
    IReadOnlyDictionary<string, GroupState> Groups,
    int CurrentStep,
    int TotalSteps,
    string CreatedBy,
    string? Reason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long ModifyIndex,
    ResourceMetadata Metadata)
{
    public static DeploymentNotice Of(Deployment d) => new(
        d.Id, d.AppId, d.Namespace, d.ClusterId, d.Revision, d.PreviousRevision, d.Strategy, d.Kind, d.Status, d.StatusDescription, d.Groups,
        d.CurrentStep, d.TotalSteps, d.CreatedBy, d.Reason, d.CreatedAt, d.UpdatedAt, d.ModifyIndex, d.Metadata);
}
