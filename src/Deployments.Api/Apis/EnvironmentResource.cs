using Deployments.Model;

namespace Deployments.Api.Apis;

/// <summary>A named stage of a namespace: where it runs, its place in the order, and what is live there.</summary>
internal sealed record EnvironmentResource(
    string Name,
    string Namespace,
    Guid ClusterId,
    int Order,
    bool RequiresApproval,
    TimeSpan? ApprovalExpiry,
    Guid? LiveDeploymentId)
{
    public static EnvironmentResource From(EnvironmentDefinition environment) => new(
        environment.Name, environment.Namespace, environment.ClusterId, environment.Order, environment.RequiresApproval,
        environment.ApprovalExpiry, environment.LiveDeploymentId);
}

internal sealed record EnvironmentList(IReadOnlyList<EnvironmentResource> Environments);
