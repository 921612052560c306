using Deployments.Service;

namespace Deployments.Api.Apis;

internal sealed record CreateEnvironmentBody(
    string? Name = null,
    string? Namespace = null,
    Guid? ClusterId = null,
    int Order = 0,
    bool RequiresApproval = false,
    TimeSpan? ApprovalExpiry = null);

/// <summary>PATCH: fields left out stay as they are; <c>"approval_expiry": null</c> removes the expiry.</summary>
internal sealed record UpdateEnvironmentBody(Guid? ClusterId = null, int? Order = null, bool? RequiresApproval = null, TimeSpan? ApprovalExpiry = null)
{
    public const string ApprovalExpiryField = "approval_expiry";

    public EnvironmentUpdate ToUpdate(bool approvalExpirySent) =>
        new(ClusterId, Order, RequiresApproval, approvalExpirySent ? new Change<TimeSpan?>(ApprovalExpiry) : null);
}

/// <summary>
/// Baseten-style: make a successful deployment the live one of the environment, by Baseten's field names;
/// the previous live deployment is scaled down unless <c>scale_down_previous_deployment</c> is false.
/// </summary>
internal sealed record PromoteToEnvironmentBody(Guid? DeploymentId = null, bool ScaleDownPreviousDeployment = true);

