using Deployments.Model;
using Deployments.Refusals;
using Deployments.Rules;
using Deployments.Storage;

namespace Deployments.Service;

public sealed partial class DeploymentService
{
    /// <summary>Promotes all groups (or the named ones); refused while any of their canaries is not healthy.</summary>
    public async Task<Deployment> PromoteAsync(Guid id, IReadOnlyList<string>? groups, string actor, CancellationToken cancellationToken)
    {
        var deployment = await RequireAllowedAsync(id, DeploymentCommand.Promote, cancellationToken);
        if (deployment.Strategy != Strategy.Canary || deployment.Instant)
        {
            throw new CommandRefusedException("Deployment has no canaries to promote.");
        }

        var named = groups is { Count: > 0 } ? groups : [.. deployment.Groups.Keys];
        var unknown = named.Where(g => !deployment.Groups.ContainsKey(g)).ToList();
        if (unknown.Count > 0)
        {
            throw new UnprocessableException("groups", $"Deployment has no group {string.Join(", ", unknown)}.");
        }

        var placed = await allocations.ForDeploymentAsync(deployment.AppId, id, cancellationToken);
        foreach (var group in named)
        {
            var canaries = placed.Where(a => a.Group == group && a.Canary && a.DesiredStatus == AllocationStatus.Running).ToList();
            var healthy = canaries.Count(a => a.Health == AllocationHealth.Healthy);
            if (canaries.Count == 0 || healthy < canaries.Count)
            {
                throw new CommandRefusedException($"Group {group} has {healthy}/{canaries.Count} healthy allocations.");
            }
        }

        return await CommandAsync(deployment, new RolloutCommand(DeploymentCommandKind.Promote, actor, null, groups is { Count: > 0 } ? groups : null),
            "promote", groups is { Count: > 0 } ? $"Promote requested for {string.Join(", ", groups)} by {actor}" : $"Promote requested by {actor}", cancellationToken);
    }

    /// <summary>Moves a paused canary rollout on to its next step; refused for a deployment without canary steps.</summary>
    public async Task<Deployment> ContinueAsync(Guid id, string actor, CancellationToken cancellationToken)
    {
        var deployment = await RequireAllowedAsync(id, DeploymentCommand.Continue, cancellationToken);
        if (deployment.Strategy != Strategy.Canary || deployment.Instant)
        {
            throw new CommandRefusedException("Deployment has no canary steps to continue.");
        }

        return await CommandAsync(deployment, new RolloutCommand(DeploymentCommandKind.Continue, actor), "continue", $"Continue requested by {actor}", cancellationToken);
    }

    /// <summary>Pause or resume; the status changes at once, and the rollout holds at its next step.</summary>
    public async Task<Deployment> PauseAsync(Guid id, bool pause, string actor, CancellationToken cancellationToken)
    {
        var command = pause ? DeploymentCommand.Pause : DeploymentCommand.Resume;
        // The change itself refuses what the current status does not allow, so no read ahead of it.
        var now = time.GetUtcNow();
        var updated = await deployments.UpdateAsync(id, current =>
        {
            var transition = DeploymentTransitions.Apply(current.Status, command);
            if (!transition.Allowed)
            {
                throw new CommandRefusedException(transition.RefusedBecause!);
            }

            var changed = pause
                ? current with { Status = transition.To, StatusDescription = StatusDescriptions.Paused, PausedAt = now }
                : current with { Status = transition.To, StatusDescription = StatusDescriptions.Running, PausedAt = null, PausedTotal = current.PausedTotal + (now - (current.PausedAt ?? now)) };
            return new DeploymentChange(changed, [(actor, pause ? "paused" : "resumed", pause ? $"Paused by {actor}" : $"Resumed by {actor}")]);
        }, cancellationToken);
        await SendCommandAsync(id, new RolloutCommand(pause ? DeploymentCommandKind.Pause : DeploymentCommandKind.Resume, actor), cancellationToken);
        metrics.CommandAccepted(pause ? "pause" : "resume");
        return updated;
    }

    /// <summary>Marks the deployment failed; the rollout stops and, with auto_revert, rolls back.</summary>
    public async Task<Deployment> FailAsync(Guid id, string actor, string? reason, CancellationToken cancellationToken)
    {
        var deployment = await RequireAllowedAsync(id, DeploymentCommand.Fail, cancellationToken);
        return await CommandAsync(deployment, new RolloutCommand(DeploymentCommandKind.Fail, actor, reason), "fail", $"Marked as failed by {actor}" + Because(reason), cancellationToken);
    }

    /// <summary>Cancels the deployment; the rollout restores the previous revision's instances and removes the new ones.</summary>
    public async Task<Deployment> CancelAsync(Guid id, string actor, string? reason, CancellationToken cancellationToken)
    {
        var deployment = await RequireAllowedAsync(id, DeploymentCommand.Cancel, cancellationToken);
        return await CommandAsync(deployment, new RolloutCommand(DeploymentCommandKind.Cancel, actor, reason), "cancel", $"Cancel requested by {actor}" + Because(reason), cancellationToken);
    }

    /// <summary>
    /// Sets and removes labels and annotations (Cloud Foundry's PATCH of a deployment's metadata), at any
    /// status, ended deployments included: metadata describes the deployment and does not change its rollout.
    /// </summary>
    public async Task<Deployment> UpdateMetadataAsync(Guid id, MetadataPatch patch, string actor, CancellationToken cancellationToken) =>
        await deployments.UpdateAsync(id, current =>
        {
            // The result is checked, not the patch: what is set must be valid, and the entries must fit together
            // with those kept. Either way it is refused before anything is written.
            var metadata = patch.ApplyTo(current.Metadata);
            if (metadata.SameAs(current.Metadata))
            {
                return null;
            }

            var errors = new List<ValidationError>();
            MetadataRules.Check(errors, metadata);
            if (errors.Count > 0)
            {
                throw new ValidationException(errors);
            }

            return new DeploymentChange(current with { Metadata = metadata }, [(actor, "metadata", $"Labels and annotations updated by {actor}")]);
        }, cancellationToken);

    /// <summary>Sets allocation health by hand (health_check = manual, or a platform reporting through the API).</summary>
    public async Task<Deployment> SetAllocationHealthAsync(Guid id, IReadOnlyList<Guid> healthy, IReadOnlyList<Guid> unhealthy, string actor, CancellationToken cancellationToken)
    {
        var deployment = await deployments.GetRequiredAsync(id, cancellationToken);
        if (deployment.Status.IsTerminal())
        {
            throw new CommandRefusedException($"Deployment is already {deployment.Status.ToString().ToLowerInvariant()}; allocation health can no longer change it.");
        }

        var both = healthy.Intersect(unhealthy).ToList();
        if (both.Count > 0)
        {
            throw new ValidationException([new("healthy_allocation_ids", $"allocation {both[0]} is also listed as unhealthy")]);
        }

        var placed = (await allocations.ForDeploymentAsync(deployment.AppId, id, cancellationToken)).ToDictionary(a => a.Id);
        var strangers = healthy.Concat(unhealthy).Where(a => !placed.ContainsKey(a)).ToList();
        if (strangers.Count > 0)
        {
            throw new UnprocessableException(healthy.Contains(strangers[0]) ? "healthy_allocation_ids" : "unhealthy_allocation_ids", $"Allocation {strangers[0]} does not belong to deployment {id}.");
        }

        var now = time.GetUtcNow();
        foreach (var allocationId in healthy)
        {
            var allocation = placed[allocationId];
            await allocations.UpsertAsync(allocation with { Health = AllocationHealth.Healthy, HealthySince = allocation.HealthySince ?? now, UpdatedAt = now }, cancellationToken);
        }

        foreach (var allocationId in unhealthy)
        {
            await allocations.UpsertAsync(placed[allocationId] with { Health = AllocationHealth.Unhealthy, HealthySince = null, UpdatedAt = now }, cancellationToken);
        }

        // As in Nomad, an allocation marked unhealthy fails the deployment now (auto-reverting if set): it is a
        // verdict, not a probe that may pass later, so waiting for healthy_deadline would only delay the failure.
        var command = unhealthy.Count > 0
            ? new RolloutCommand(DeploymentCommandKind.MarkedUnhealthy, actor, $"{actor} marked allocation(s) {string.Join(", ", unhealthy.Select(a => a.ToString("N")))} unhealthy")
            : new RolloutCommand(DeploymentCommandKind.HealthChanged, actor);
        return await CommandAsync(deployment, command, "allocation-health",
            $"{actor} set {healthy.Count} allocation(s) healthy and {unhealthy.Count} unhealthy", cancellationToken);
    }

    private async Task<Deployment> RequireAllowedAsync(Guid id, DeploymentCommand command, CancellationToken cancellationToken)
    {
        var deployment = await deployments.GetRequiredAsync(id, cancellationToken);
        var transition = DeploymentTransitions.Apply(deployment.Status, command);
        return transition.Allowed ? deployment : throw new CommandRefusedException(transition.RefusedBecause!);
    }

    /// <summary>Records the command on the timeline (with its actor), then hands it to the running rollout.</summary>
    private async Task<Deployment> CommandAsync(Deployment deployment, RolloutCommand command, string kind, string message, CancellationToken cancellationToken)
    {
        var updated = await deployments.UpdateAsync(deployment.Id, current => new DeploymentChange(current, [(command.Actor, kind, message)]), cancellationToken);
        await SendCommandAsync(deployment.Id, command, cancellationToken);
        metrics.CommandAccepted(kind.Replace('-', '_'));
        return updated;
    }

    private static string Because(string? reason) => reason is null ? "" : $": {reason}";
}
