using Deployments.Drivers;
using Deployments.Model;
using Deployments.Refusals;
using Deployments.Rules;
using Deployments.Storage;
using Deployments.Telemetry;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Deployments.Service;

/// <summary>
/// The application service: every use case of deployments in one place, so the HTTP layer stays thin.
/// Writes are validated first and made in an order where a crash leaves nothing half-done that the
/// rollout cannot finish.
/// </summary>
public sealed partial class DeploymentService(
    DeploymentStore deployments,
    AppStore apps,
    AllocationStore allocations,
    CatalogStore catalog,
    DurableTaskClient orchestrations,
    TargetDriverRegistry drivers,
    TimeProvider time,
    DeploymentMetrics metrics,
    AnalysisCatalog analysis)
{
    private static readonly TimeSpan CommandStartWait = TimeSpan.FromSeconds(30);

    /// <summary>The deployment with this id; null when there is none.</summary>
    public Task<Deployment?> GetAsync(Guid id, CancellationToken cancellationToken) => deployments.GetAsync(id, cancellationToken);

    /// <summary>The deployment with this id; throws <see cref="NotFoundException"/> when there is none.</summary>
    public async Task<Deployment> GetRequiredAsync(Guid id, CancellationToken cancellationToken) =>
        await deployments.GetRequiredAsync(id, cancellationToken);

    /// <summary>The deployment's events, in the order they were recorded.</summary>
    public Task<IReadOnlyList<DeploymentEvent>> EventsAsync(Guid id, CancellationToken cancellationToken) => deployments.EventsAsync(id, cancellationToken);

    /// <summary>The allocations the deployment placed; not found when the deployment is missing.</summary>
    public async Task<IReadOnlyList<Allocation>> AllocationsAsync(Guid id, CancellationToken cancellationToken)
    {
        var deployment = await deployments.GetRequiredAsync(id, cancellationToken);
        return await allocations.ForDeploymentAsync(deployment.AppId, id, cancellationToken);
    }

    /// <summary>One page of the deployments of a namespace the caller may see, and the token for the next page (null on the last).</summary>
    public Task<(IReadOnlyList<Deployment> Deployments, string? ContinuationToken)> ListAsync(DeploymentQuery query, CancellationToken cancellationToken)
    {
        if (query.EveryNamespace && CallerScope.Namespace is { } own)
        {
            // Every namespace the caller may see is its own one.
            query = query with { EveryNamespace = false, Namespace = own };
        }

        if (!query.EveryNamespace)
        {
            CallerScope.Demand(query.Namespace);
        }

        return deployments.QueryAsync(query, cancellationToken);
    }

    /// <summary>Validates the request, records the deployment and starts its rollout.</summary>
    public async Task<Deployment> CreateAsync(CreateDeploymentRequest request, CancellationToken cancellationToken)
    {
        var app = await apps.GetAsync(request.AppId, cancellationToken) ?? throw new NotFoundException("app", request.AppId.ToString());
        var deploymentOptions = request.Options ?? new DeploymentOptions();
        var errors = DeploymentOptionsValidator.Validate(request.Strategy, deploymentOptions, app.Groups).ToList();
        if (request.Revision is not null && request.NewRevision is not null)
        {
            errors.Add(new("revision", "give either an existing revision or a new artifact, not both"));
        }

        if (request.Revision is null && request.NewRevision is null && app.CurrentRevision is null)
        {
            errors.Add(new("revision", "the app has no revision yet: give an artifact to create one"));
        }

        if (request.NewRevision is { } spec)
        {
            errors.AddRange(RevisionRules.Validate(spec, ""));
        }

        MetadataRules.Check(errors, request.Metadata);
        await analysis.CheckGatesAsync(errors, app.Namespace, deploymentOptions, cancellationToken);

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        // A retry of a request whose process died finds the deployment its first attempt made (and its revision).
        var deploymentId = RequestIds.New($"deploy:{app.Id:N}");
        if (await deployments.GetAsync(deploymentId, cancellationToken) is { } made)
        {
            return await LaunchAsync(made, cancellationToken);
        }

        await RequireDriverAvailableAsync(app, cancellationToken);
        int revision;
        if (request.NewRevision is { } newSpec)
        {
            revision = (await apps.AddRevisionAsync(app.Id, (_, number) => RevisionRules.Create(app.Id, number, newSpec, time.GetUtcNow()), cancellationToken)).Number;
        }
        else
        {
            revision = request.Revision ?? app.CurrentRevision!.Value;
            if (await apps.GetRevisionAsync(app.Id, revision, cancellationToken) is null)
            {
                throw new UnprocessableException("revision", $"App {app.Name} has no revision {revision}.");
            }
        }

        return await StartDeploymentAsync(app, revision, request.Strategy, deploymentOptions, request.Actor, request.Reason, DeploymentKind.Rollout, cancellationToken, deploymentId,
            metadata: request.Metadata);
    }

    /// <summary>Refuses, before anything is written, a deployment this host could not run (its cluster's driver is not here).</summary>
    private async Task RequireDriverAvailableAsync(App app, CancellationToken cancellationToken)
    {
        // Only a host that refuses a driver pays the extra read: an app made on a host that runs the driver.
        if (drivers.RefusesAny && await catalog.GetClusterAsync(app.ClusterId, cancellationToken) is { } cluster)
        {
            drivers.RequireAvailable(cluster.Driver);
        }
    }

    /// <summary>
    /// Records the deployment, makes it the app's active one (superseding any other), then launches it. The
    /// document exists before the orchestration, which reads it as its first step; a crash between the two
    /// leaves a pending deployment without one, which the recovery pass (or the next command) launches.
    /// </summary>
    /// <param name="id">An id the caller has already found unused, having checked the app's driver too (<see cref="CreateAsync"/> looks before it adds a revision); without one, the request's own id is looked up and the driver checked here.</param>
    internal async Task<Deployment> StartDeploymentAsync(
        App app, int revision, Strategy strategy, DeploymentOptions deploymentOptions, string actor, string? reason, DeploymentKind kind,
        CancellationToken cancellationToken, Guid? id = null, bool instant = false, DeploymentStatus initialStatus = DeploymentStatus.Pending,
        ResourceMetadata? metadata = null)
    {
        var deploymentId = id ?? RequestIds.New($"deploy:{app.Id:N}");
        if (id is null && await deployments.GetAsync(deploymentId, cancellationToken) is { } made)
        {
            return await LaunchAsync(made, cancellationToken);
        }

        if (id is null)
        {
            await RequireDriverAvailableAsync(app, cancellationToken);
        }

        var now = time.GetUtcNow();
        Guid? superseded = null;
        await apps.UpdateAsync(app.Id, current =>
        {
            superseded = current.ActiveDeploymentId is { } active && active != deploymentId ? active : null;
            return current with { ActiveDeploymentId = deploymentId };
        }, cancellationToken);

        if (superseded is { } previous && (await deployments.GetAsync(previous, cancellationToken))?.Status.IsTerminal() != false)
        {
            superseded = null;
        }

        var deployment = new Deployment
        {
            Id = deploymentId,
            AppId = app.Id,
            Namespace = app.Namespace,
            ClusterId = app.ClusterId,
            Revision = revision,
            PreviousRevision = app.CurrentRevision,
            Strategy = strategy,
            Kind = kind,
            Options = deploymentOptions,
            Status = initialStatus,
            StatusDescription = initialStatus == DeploymentStatus.Promoting ? StatusDescriptions.Promoting : StatusDescriptions.Pending,
            TotalSteps = strategy == Strategy.Canary && !instant ? deploymentOptions.Steps.Count : 0,
            CreatedBy = actor,
            Reason = reason,
            Metadata = metadata ?? ResourceMetadata.Empty,
            CreatedAt = now,
            UpdatedAt = now,
            InstanceId = InstanceIdFor(deploymentId),
            Supersedes = superseded,
            Instant = instant,
        };
        deployment = await deployments.CreateAsync(deployment, actor, reason ?? $"Deploy revision {revision} of {app.Name} ({strategy.ToString().ToLowerInvariant()})", cancellationToken);
        return await LaunchAsync(deployment, cancellationToken);
    }

    /// <summary>
    /// The part of creating a deployment that follows its record, safe to run again: tells the deployment it
    /// supersedes (still running) to stop, then starts the rollout's orchestration unless it exists.
    /// </summary>
    internal async Task<Deployment> LaunchAsync(Deployment deployment, CancellationToken cancellationToken)
    {
        if (deployment.Status.IsTerminal())
        {
            return deployment;
        }

        if (deployment.Supersedes is { } older && (await deployments.GetAsync(older, cancellationToken))?.Status.IsTerminal() == false)
        {
            await SendCommandAsync(older, new RolloutCommand(DeploymentCommandKind.Supersede, deployment.CreatedBy, $"Superseded by deployment {deployment.Id:N}"), cancellationToken);
        }

        await EnsureOrchestrationAsync(deployment.Id, cancellationToken);
        return deployment;
    }

    /// <summary>Starts the rollout's orchestration unless it exists; two launchers racing both succeed, one of them starting it.</summary>
    private async Task EnsureOrchestrationAsync(Guid deploymentId, CancellationToken cancellationToken)
    {
        var instanceId = InstanceIdFor(deploymentId);
        if (await orchestrations.GetInstanceAsync(instanceId, cancellationToken) is not null)
        {
            return;
        }

        try
        {
            await orchestrations.ScheduleNewOrchestrationInstanceAsync(WorkflowNames.Rollout, deploymentId, new StartOrchestrationOptions(instanceId), cancellationToken);
        }
        catch (InvalidOperationException)
        {
            // Refused as a duplicate: another launcher (the recovery pass, a retried request) started it first.
            if (await orchestrations.GetInstanceAsync(instanceId, CancellationToken.None) is null)
            {
                throw;
            }
        }
    }

    /// <summary>Id of the orchestration instance that drives the deployment.</summary>
    public static string InstanceIdFor(Guid deploymentId) => $"deployment-{deploymentId:N}";

    /// <summary>
    /// The Durable Task Framework drops an event that reaches an instance before its start has been
    /// processed, so a command sent the moment a deployment was created waits (briefly) for its rollout to run.
    /// </summary>
    private async Task SendCommandAsync(Guid deploymentId, RolloutCommand command, CancellationToken cancellationToken)
    {
        var instanceId = InstanceIdFor(deploymentId);
        var instance = await orchestrations.GetInstanceAsync(instanceId, cancellationToken);
        if (instance is null && await deployments.GetAsync(deploymentId, cancellationToken) is { } orphan && !orphan.Status.IsTerminal())
        {
            // Recorded but never started (its process died in between): start it, so the command reaches it.
            await LaunchAsync(orphan, cancellationToken);
        }

        // A rollout already running takes the event at once; only a pending (or just launched) one is waited for.
        if (instance is { RuntimeStatus: not OrchestrationRuntimeStatus.Pending })
        {
            await orchestrations.RaiseEventAsync(instanceId, WorkflowNames.CommandEvent, command, cancellationToken);
            return;
        }

        using (var started = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            started.CancelAfter(CommandStartWait);
            try
            {
                await orchestrations.WaitForInstanceStartAsync(instanceId, cancellation: started.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Still pending after the wait: send anyway, as before.
            }
            catch (InvalidOperationException)
            {
                // No instance and nothing left to run: the event has no one to reach.
            }
        }

        await orchestrations.RaiseEventAsync(instanceId, WorkflowNames.CommandEvent, command, cancellationToken);
    }
}

/// <summary>Settings of the deployment service, set by the host through <c>AddDeployments</c>.</summary>
public sealed class DeploymentServiceOptions
{
    /// <summary>A rollback to one of this many most recent revisions is instant: full scale at once, no canary steps.</summary>
    public int RollbackWindowRevisions { get; set; } = 3;

    /// <summary>How often the recovery pass looks for what a crash left half-written (see <see cref="DeploymentRecovery.RecoverAsync"/>).</summary>
    public TimeSpan RecoveryInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a deployment's rows go unchanged before the recovery pass takes them as left behind by a dead process.</summary>
    public TimeSpan RecoverySettle { get; set; } = TimeSpan.FromSeconds(10);
}
