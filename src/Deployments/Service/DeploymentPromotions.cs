using Deployments.Model;
using Deployments.Refusals;
using Deployments.Rules;
using Deployments.Storage;
using Deployments.Telemetry;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Deployments.Service;

/// <summary>
/// Promotions of a deployment beyond its app: to an environment (with approval where the environment asks for
/// it), to another cluster as a new app (Mengi), and along a pipeline's stages.
/// </summary>
public sealed class DeploymentPromotions(DeploymentService service, DeploymentStore deployments, AppStore apps, AllocationStore allocations, CatalogStore catalog, DurableTaskClient orchestrations, TimeProvider time, DeploymentMetrics metrics, AppCatalog appCatalog)
{
    /// <summary>How long a promotion waits for the previous approval's orchestration to finish after its decision.</summary>
    private static readonly TimeSpan DecidedApprovalGrace = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Mengi-style promotion: the deployment's revision (with overrides) becomes a new app on the target
    /// cluster, deployed with status promoting until it runs; the source is deleted afterwards if asked.
    /// </summary>
    public async Task<PromoteToClusterResult> PromoteToClusterAsync(PromoteToClusterRequest request, CancellationToken cancellationToken)
    {
        var source = await deployments.GetRequiredAsync(request.DeploymentId, cancellationToken);
        var app = await apps.GetAsync(source.AppId, cancellationToken) ?? throw new NotFoundException("app", source.AppId.ToString());
        var cluster = await catalog.GetClusterAsync(request.TargetClusterId, cancellationToken)
            ?? throw new UnprocessableException("target_cluster_id", $"Cluster {request.TargetClusterId} does not exist.");
        if (cluster.Id == app.ClusterId)
        {
            throw new UnprocessableException("target_cluster_id", "The deployment already runs on that cluster.");
        }

        var revision = await apps.GetRevisionAsync(app.Id, source.Revision, cancellationToken)
            ?? throw new NotFoundException("revision", $"{app.Id}/{source.Revision}");
        var spec = RevisionRules.Override(revision, request.Overrides);
        if (RevisionRules.Validate(spec, "overrides.") is { Count: > 0 } invalid)
        {
            throw new ValidationException(invalid);
        }

        var created = await appCatalog.CreateAppAsync(new CreateAppRequest(
            request.NewName ?? $"{app.Name}-{cluster.Name}", cluster.Id, request.Overrides?.GroupsFor(app.Groups) ?? app.Groups, app.Namespace, app.Environment,
            app.Labels, request.Annotations is { } added ? app.Annotations.Concat(added).GroupBy(a => a.Key).ToDictionary(g => g.Key, g => g.Last().Value) : app.Annotations,
            spec), cancellationToken);
        var strategyOptions = DeploymentOptionsValidator.Validate(source.Strategy, source.Options, created.Groups).Count == 0
            ? (source.Strategy, source.Options)
            : (Strategy.Rolling, new DeploymentOptions());
        var deployment = await service.StartDeploymentAsync(created, 1, strategyOptions.Item1, strategyOptions.Item2, request.Actor,
            $"Promoted from deployment {source.Id:N} on cluster {source.ClusterId:N}", DeploymentKind.ClusterPromotion, cancellationToken,
            initialStatus: DeploymentStatus.Promoting);
        if (request.DeleteSource)
        {
            await orchestrations.ScheduleNewOrchestrationInstanceAsync(WorkflowNames.RetireSource, new RetireSource(app.Id, deployment.Id, request.Actor),
                new StartOrchestrationOptions($"retire-{app.Id:N}-{deployment.Id:N}"), cancellationToken);
        }

        await deployments.UpdateAsync(source.Id, current => new DeploymentChange(current, [(request.Actor, "promoted-to-cluster",
            $"Promoted to cluster {cluster.Name} as app {created.Name} (deployment {deployment.Id:N})")]), cancellationToken);
        var message = request.DeleteSource
            ? $"Promoting to {cluster.Name}; the source app is deleted once the new deployment succeeds"
            : $"Promoting to {cluster.Name}";
        return new PromoteToClusterResult(source.Id, deployment.Id, cluster.Id, request.DeleteSource, message);
    }

    /// <summary>
    /// Baseten-style: makes a successful deployment the live one of an environment. Where the environment
    /// requires approval, a durable approval waits for approve or reject first.
    /// </summary>
    public async Task<EnvironmentPromotionResult> PromoteToEnvironmentAsync(string @namespace, string environmentName, Guid deploymentId, bool scaleDownPrevious, string actor, CancellationToken cancellationToken)
    {
        var environment = await catalog.GetEnvironmentAsync(@namespace, environmentName, cancellationToken)
            ?? throw new NotFoundException("environment", $"{@namespace}/{environmentName}");
        var deployment = await deployments.GetRequiredAsync(deploymentId, cancellationToken);
        if (deployment.Namespace != environment.Namespace)
        {
            // The promotion scales down what was live in the environment: it must not reach into another namespace.
            throw new UnprocessableException("deployment_id", $"Deployment is in namespace '{deployment.Namespace}'; environment {environmentName} is in '{environment.Namespace}'.");
        }

        if (deployment.Status != DeploymentStatus.Successful)
        {
            throw new CommandRefusedException($"Deployment is {deployment.Status.ToString().ToLowerInvariant()}; only a successful deployment can go live in an environment.");
        }

        if (deployment.AwaitingApprovalFor is { } pending)
        {
            throw new CommandRefusedException($"Deployment is already waiting for approval into {pending}.");
        }

        var promotion = new EnvironmentPromotion(Guid.NewGuid(), @namespace, environmentName, deploymentId, scaleDownPrevious, actor, environment.ApprovalExpiry);
        if (environment.RequiresApproval)
        {
            await StartApprovalAsync(promotion, cancellationToken);

            // Recorded before answering, or an approve sent the moment this returns would be refused as
            // "not waiting"; the orchestration's own note of the same promotion then changes nothing.
            await NoteApprovalAsync(promotion.AwaitingApproval(), cancellationToken);
            return new EnvironmentPromotionResult(environmentName, deploymentId, environment.LiveDeploymentId, AwaitingApproval: true, false,
                $"Environment {environmentName} requires approval; approve or reject deployment {deploymentId:N}");
        }

        var outcome = await ApplyEnvironmentPromotionAsync(promotion, cancellationToken);
        return new EnvironmentPromotionResult(environmentName, deploymentId, outcome.PreviousDeploymentId, false, outcome.ScaledDownPrevious, outcome.Message);
    }

    /// <summary>
    /// Starts the durable wait for an approval. The record said no approval is pending, so an instance still
    /// active is one whose decision was just recorded and which is finishing: wait for it (briefly) rather
    /// than refuse a promotion the user may rightly ask for again.
    /// </summary>
    private async Task StartApprovalAsync(EnvironmentPromotion promotion, CancellationToken cancellationToken)
    {
        var instanceId = WorkflowNames.EnvironmentPromotionInstanceId(promotion.DeploymentId);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await orchestrations.ScheduleNewOrchestrationInstanceAsync(WorkflowNames.EnvironmentPromotion, promotion, new StartOrchestrationOptions(instanceId), cancellationToken);
                return;
            }
            catch (OrchestrationAlreadyExistsException) when (attempt == 0)
            {
                using var finishing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                finishing.CancelAfter(DecidedApprovalGrace);
                try
                {
                    await orchestrations.WaitForInstanceCompletionAsync(instanceId, cancellation: finishing.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new CommandRefusedException("Deployment already has a promotion waiting for approval.");
                }
            }
            catch (OrchestrationAlreadyExistsException)
            {
                throw new CommandRefusedException("Deployment already has a promotion waiting for approval.");
            }
        }
    }

    /// <summary>Approves or rejects the environment promotion the deployment waits on; refused when it waits on none. The orchestration applies the decision.</summary>
    public async Task<Deployment> DecideApprovalAsync(Guid deploymentId, bool approve, string actor, string? reason, CancellationToken cancellationToken)
    {
        var deployment = await deployments.GetRequiredAsync(deploymentId, cancellationToken);
        if (deployment.AwaitingApprovalFor is null)
        {
            throw new CommandRefusedException("Deployment is not waiting for an approval.");
        }

        await orchestrations.RaiseEventAsync(WorkflowNames.EnvironmentPromotionInstanceId(deploymentId), WorkflowNames.ApprovalEvent,
            new ApprovalDecision(approve, actor, reason), cancellationToken);
        metrics.CommandAccepted(approve ? "approve" : "reject");
        return deployment;
    }

    /// <summary>Writes an approval step onto the deployment's timeline unless it already was (by an earlier run, or before the service answered).</summary>
    public Task<Deployment> NoteApprovalAsync(ApprovalNote note, CancellationToken cancellationToken) =>
        deployments.UpdateAsync(note.DeploymentId, current => DeploymentChange.Once(
                current, note.NoteId(), noted => noted with { AwaitingApprovalFor = note.Environment }, (note.Actor, note.Kind, note.Message)),
            cancellationToken);

    /// <summary>The promotion itself: the environment points at the deployment; the previous live one's instances stop.</summary>
    public async Task<EnvironmentPromotionOutcome> ApplyEnvironmentPromotionAsync(EnvironmentPromotion promotion, CancellationToken cancellationToken)
    {
        // Guarded by the ETag, so an update of the environment made meanwhile is kept, not overwritten.
        Guid? previous = null;
        await catalog.UpdateEnvironmentAsync(promotion.Namespace, promotion.Environment, environment =>
        {
            previous = environment.LiveDeploymentId;
            return environment with { LiveDeploymentId = promotion.DeploymentId };
        }, cancellationToken);
        var scaledDown = false;
        if (promotion.ScaleDownPrevious && previous is { } old && old != promotion.DeploymentId && await deployments.GetAsync(old, cancellationToken) is { } oldDeployment)
        {
            var promoted = await deployments.GetRequiredAsync(promotion.DeploymentId, cancellationToken);
            if (oldDeployment.AppId != promoted.AppId)
            {
                var running = (await allocations.ForAppAsync(oldDeployment.AppId, cancellationToken))
                    .Where(a => a.DesiredStatus == AllocationStatus.Running).Select(a => a.Id).ToList();
                scaledDown = running.Count > 0 && await StopAppAllocationsAsync(oldDeployment, running, cancellationToken);
            }

            // An activity may run twice: the entry is keyed by the promotion, so a second run writes nothing.
            var replaced = DeterministicIds.From(promotion.PromotionId, "replaced-in-environment");
            await deployments.UpdateAsync(old, current => DeploymentChange.Once(current, replaced, NotAwaitingApproval,
                (promotion.Actor, "replaced-in-environment", $"No longer live in {promotion.Environment}; replaced by {promotion.DeploymentId:N}" + (scaledDown ? ", scaled down" : ""))), cancellationToken);
        }

        var message = $"Deployment {promotion.DeploymentId:N} is live in {promotion.Environment}";
        var wentLive = DeterministicIds.From(promotion.PromotionId, "promoted-to-environment");
        await deployments.UpdateAsync(promotion.DeploymentId, current => DeploymentChange.Once(current, wentLive, NotAwaitingApproval,
            (promotion.Actor, "promoted-to-environment", message)), cancellationToken);
        return new EnvironmentPromotionOutcome(true, previous, scaledDown, message);
    }

    private static Deployment NotAwaitingApproval(Deployment deployment) => deployment with { AwaitingApprovalFor = null };

    /// <summary>
    /// Sevalla-style: the source app's latest successful deployment goes to every target app in parallel.
    /// One target failing does not stop the others; each outcome is returned and recorded.
    /// </summary>
    public async Task<PipelinePromotionResult> PromotePipelineAsync(Guid pipelineId, Guid sourceAppId, IReadOnlyList<Guid>? targetAppIds, string actor, CancellationToken cancellationToken)
    {
        var pipeline = await catalog.GetPipelineAsync(pipelineId, cancellationToken) ?? throw new NotFoundException("pipeline", pipelineId.ToString());
        var stage = pipeline.Stages.Select((apps, index) => (apps, index)).FirstOrDefault(s => s.apps.Contains(sourceAppId));
        if (stage.apps is null)
        {
            throw new UnprocessableException("source_app_id", $"App {sourceAppId} is not part of pipeline {pipeline.Name}.");
        }

        var targets = targetAppIds is { Count: > 0 } chosen ? chosen : stage.index + 1 < pipeline.Stages.Count ? pipeline.Stages[stage.index + 1] : [];
        var outsiders = targets.Where(t => !pipeline.Stages.Any(s => s.Contains(t))).ToList();
        if (targets.Count == 0 || outsiders.Count > 0)
        {
            throw new UnprocessableException("target_app_ids", targets.Count == 0 ? "The source app is in the last stage; there is nothing to promote to." : $"App {outsiders[0]} is not part of pipeline {pipeline.Name}.");
        }

        var sourceApp = await apps.GetAsync(sourceAppId, cancellationToken) ?? throw new NotFoundException("app", sourceAppId.ToString());
        var source = (await deployments.ForAppAsync(sourceApp.Namespace, sourceAppId, cancellationToken)).FirstOrDefault(d => d.Status == DeploymentStatus.Successful)
            ?? throw new CommandRefusedException($"App {sourceApp.Name} has no successful deployment to promote.");
        var revision = await apps.GetRevisionAsync(sourceAppId, source.Revision, cancellationToken) ?? throw new NotFoundException("revision", $"{sourceAppId}/{source.Revision}");
        var spec = RevisionRules.Override(revision, null);

        var outcomes = await Task.WhenAll(targets.Select(async target =>
        {
            try
            {
                var targetApp = await apps.GetAsync(target, cancellationToken) ?? throw new NotFoundException("app", target.ToString());
                var valid = DeploymentOptionsValidator.Validate(source.Strategy, source.Options, targetApp.Groups).Count == 0;
                var created = await service.CreateAsync(new CreateDeploymentRequest(target, valid ? source.Strategy : Strategy.Rolling, actor,
                    NewRevision: spec, Options: valid ? source.Options : null, Reason: $"Pipeline {pipeline.Name}: promoted from {sourceApp.Name} deployment {source.Id:N}"), cancellationToken);
                return new PipelinePromotionTarget(target, created.Id, null);
            }
            catch (Exception failure) when (failure is NotFoundException or ValidationException or UnprocessableException or CommandRefusedException or DocumentConflictException)
            {
                return new PipelinePromotionTarget(target, null, failure.Message);
            }
        }));

        var summary = string.Join("; ", outcomes.Select(o => o.DeploymentId is { } id ? $"{o.AppId:N}: deployment {id:N}" : $"{o.AppId:N}: failed ({o.Error})"));
        await deployments.UpdateAsync(source.Id, current => new DeploymentChange(current, [(actor, "pipeline-promotion", $"Promoted through pipeline {pipeline.Name}: {summary}")]), cancellationToken);
        return new PipelinePromotionResult(pipelineId, sourceAppId, source.Id, outcomes);
    }

    private async Task<bool> StopAppAllocationsAsync(Deployment owner, IReadOnlyList<Guid> allocationIds, CancellationToken cancellationToken)
    {
        await orchestrations.ScheduleNewOrchestrationInstanceAsync(WorkflowNames.ScaleDown,
            new StopRequest(owner.Id, owner.AppId, allocationIds, "scaled down after environment promotion"),
            new StartOrchestrationOptions($"scale-down-{owner.AppId:N}-{time.GetUtcNow().ToUnixTimeMilliseconds()}"), cancellationToken);
        return true;
    }
}
