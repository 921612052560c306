namespace Deployments.Model;

/// <summary>A named stage such as dev, staging or prod; points at the deployment live in it.</summary>
public sealed record EnvironmentDefinition(
    string Name,
    string Namespace,
    Guid ClusterId,
    int Order,
    bool RequiresApproval,
    Guid? LiveDeploymentId,
    TimeSpan? ApprovalExpiry = null) : INamespaced;
