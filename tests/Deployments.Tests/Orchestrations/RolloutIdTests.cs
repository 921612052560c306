using Deployments.Model;
using Deployments.Orchestrations;
using static Deployments.Tests.Orchestrations.RolloutPlanBuilder;
using static Deployments.Tests.Orchestrations.RolloutScript;

namespace Deployments.Tests.Orchestrations;

/// <summary>
/// An episode whose checkpoint did not commit runs again at a later time, and the activities it sends must carry
/// the ids they carried the first time, or the timeline gets a step twice and a batch of allocations is placed twice.
/// </summary>
public sealed class RolloutIdTests
{
    private static readonly Guid Seed = Guid.Parse("5eed0000-0000-0000-0000-000000000001");

    [Fact]
    public void Rollout_RunAgainFromTheSameHistoryAtAnotherTime_SendsTheSameUpdateAndAllocationIds()
    {
        var plan = Canary(instances: 2, new CanaryStep(50), new CanaryStep(100)).Build() with { IdSeed = Seed };
        var first = WithClockBasedGuids(Script(plan));
        var again = WithClockBasedGuids(Script(plan));

        var firstRun = Run(first);
        var secondRun = Run(again);

        Assert.False(firstRun.IsCompleted || secondRun.IsCompleted, "both runs should wait for promotion");
        Assert.Equal(Trace(first), Trace(again));
        var updates = Updates(first).Select(u => u.UpdateId).ToList();
        Assert.Equal(updates, Updates(again).Select(u => u.UpdateId));
        Assert.Equal(updates.Count, updates.Distinct().Count());
        Assert.Equal(Placed(first), Placed(again));
    }

    [Fact]
    public async Task Rollout_PlanLoadedAgain_DrawsNewIds()
    {
        var first = Script(Rolling(instances: 1).Build() with { IdSeed = Seed });
        var next = Script(Rolling(instances: 1).Build() with { IdSeed = Guid.Parse("5eed0000-0000-0000-0000-000000000002") });

        await Run(first);
        await Run(next);

        Assert.Empty(Updates(first).Select(u => u.UpdateId).Intersect(Updates(next).Select(u => u.UpdateId)));
    }

    /// <summary>As the SDK's NewGuid behaves across two runs of one episode: it hashes the run's start time, so the runs differ.</summary>
    private static ScriptedOrchestrationContext WithClockBasedGuids(ScriptedOrchestrationContext context)
    {
        context.Mock.Setup(c => c.NewGuid()).Returns(Guid.NewGuid);
        return context;
    }

    private static List<Guid> Placed(ScriptedOrchestrationContext context) =>
        [.. context.InputsOf<PlaceRequest>(RolloutActivities.Place).SelectMany(p => p.Allocations).Select(a => a.Id)];
}
