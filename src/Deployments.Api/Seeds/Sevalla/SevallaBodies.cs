namespace Deployments.Api.Seeds.Sevalla;

/// <summary>Sevalla's promote request: the app whose latest successful deployment is promoted, and the apps that receive it.</summary>
internal sealed record SevallaPromoteBody(Guid? SourceAppId = null, IReadOnlyList<Guid>? TargetAppIds = null);

/// <summary>One item of Sevalla's answer: a target app and the deployment it received.</summary>
internal sealed record SevallaPromotedTarget(Guid TargetAppId, Guid DeploymentId);
