using Deployments.Orchestrations;
using Deployments.Service;
using static Deployments.Tests.Orchestrations.RolloutPlanBuilder;

namespace Deployments.Tests.Orchestrations;

/// <summary>Running the rollout orchestrator on a scripted context, and reading back what it decided.</summary>
internal static class RolloutScript
{
    public static readonly Guid RollbackId = Guid.Parse("b0000000-0000-0000-0000-000000000001");

    /// <summary>A rolling rollout of two whose first batch went well and whose second never becomes healthy: it waits, polling.</summary>
    public static (ScriptedOrchestrationContext Context, Task<RolloutOutcome> Run) StartStuckInSecondBatch() =>
        StartStuck(Rolling(instances: 2).Build(), HealthyOnlyAtFirst());

    /// <summary>A rollout whose every batch stays starting: it places its first batch and waits, polling, with timers that never fire.</summary>
    public static (ScriptedOrchestrationContext Context, Task<RolloutOutcome> Run) StartStuckInFirstBatch(RolloutPlan plan) =>
        StartStuck(plan, h => new HealthSummary(0, 0, h.AllocationIds.Count, []));

    private static (ScriptedOrchestrationContext Context, Task<RolloutOutcome> Run) StartStuck(RolloutPlan plan, Func<HealthRequest, object?> health)
    {
        var context = Script(plan).OnActivity(RolloutActivities.CheckHealth, health);
        context.TimersFire = false;
        return (context, Run(context));
    }

    /// <summary>Sends a command to a rollout that is waiting and lets it run to its end.</summary>
    public static Task<RolloutOutcome> SendAsync(ScriptedOrchestrationContext context, Task<RolloutOutcome> run, DeploymentCommandKind kind, string actor = "alice", string? reason = null)
    {
        context.Raise(RolloutActivities.CommandEvent, new RolloutCommand(kind, actor, reason));
        return run.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public static ScriptedOrchestrationContext Script(RolloutPlan plan) => new ScriptedOrchestrationContext()
        .Returns(RolloutActivities.LoadPlan, plan)
        .OnActivity<HealthRequest>(RolloutActivities.CheckHealth, h => new HealthSummary(h.AllocationIds.Count, 0, 0, []))
        .Returns(RolloutActivities.StartRollback, RollbackId);

    /// <summary>The first health check finds its batch healthy; every later one finds it still starting.</summary>
    public static Func<HealthRequest, object?> HealthyOnlyAtFirst()
    {
        var checks = 0;
        return h => ++checks == 1 ? new HealthSummary(h.AllocationIds.Count, 0, 0, []) : new HealthSummary(0, 0, h.AllocationIds.Count, []);
    }

    public static Task<RolloutOutcome> Run(ScriptedOrchestrationContext context) => new RolloutOrchestrator().RunAsync(context.Object, DeploymentId);

    public static List<DeploymentUpdate> Updates(ScriptedOrchestrationContext context) => [.. context.InputsOf<DeploymentUpdate>(RolloutActivities.Update)];

    /// <summary>The activities called, each with what the decision was about: "PlaceAllocations:2@r2", "UpdateDeployment:started".</summary>
    public static List<string> Trace(ScriptedOrchestrationContext context) => [.. context.Calls.Select(call => call.Input switch
    {
        DeploymentUpdate update => $"{call.Name}:{update.Kind}",
        PlaceRequest place => $"{call.Name}:{place.Allocations.Count}@r{place.Revision}",
        StopRequest stop => $"{call.Name}:{stop.AllocationIds.Count}({stop.Reason})",
        HealthRequest health => $"{call.Name}:{health.AllocationIds.Count}",
        _ => call.Name,
    })];
}
