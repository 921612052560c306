using Deployments.Orchestrations;
using Deployments.Service;

namespace Deployments.Tests.Orchestrations;

/// <summary>The small orchestrations that tidy up after a promotion or a scale-down request.</summary>
public sealed class CleanupOrchestratorTests
{
    [Fact]
    public async Task RetireSource_PollsUntilTheNewDeploymentFinishesThenRetiresTheSourceApp()
    {
        var input = new RetireSource(RolloutPlanBuilder.AppId, RolloutPlanBuilder.DeploymentId, "alice");
        var finished = new Queue<bool>([false, false, true]);
        var context = new ScriptedOrchestrationContext()
            .OnActivity<Guid>(RolloutActivities.IsFinished, _ => finished.Dequeue())
            .Returns(PromotionActivities.RetireApp, true);

        var retired = await new RetireSourceOrchestrator().RunAsync(context.Object, input);

        Assert.True(retired);
        Assert.Equal([RolloutActivities.IsFinished, RolloutActivities.IsFinished, RolloutActivities.IsFinished, PromotionActivities.RetireApp], context.Calls.Select(c => c.Name));
        Assert.All(context.InputsOf<Guid>(RolloutActivities.IsFinished), id => Assert.Equal(input.NewDeploymentId, id));
        Assert.Equal([input], context.InputsOf<RetireSource>(PromotionActivities.RetireApp));
        Assert.Equal([ScriptedOrchestrationContext.Start.AddSeconds(1), ScriptedOrchestrationContext.Start.AddSeconds(2)], context.Timers);
    }

    [Fact]
    public async Task RetireSource_WhileTheNewDeploymentRunsOn_ContinuesAsNewEveryHundredPolls()
    {
        var input = new RetireSource(RolloutPlanBuilder.AppId, RolloutPlanBuilder.DeploymentId, "alice");
        var context = new ScriptedOrchestrationContext().Returns(RolloutActivities.IsFinished, false);

        var retired = await new RetireSourceOrchestrator().RunAsync(context.Object, input);

        Assert.False(retired);
        Assert.Equal(((object)input, true), context.ContinuedAsNew);
        Assert.Equal(RolloutActivities.PollsPerGeneration + 1, context.CallsOf(RolloutActivities.IsFinished).Count());
        Assert.Equal(RolloutActivities.PollsPerGeneration, context.Timers.Count);
        Assert.Empty(context.CallsOf(PromotionActivities.RetireApp));
    }

    [Fact]
    public async Task ScaleDown_StopsTheAllocationsWithRetries()
    {
        var input = new StopRequest(RolloutPlanBuilder.DeploymentId, RolloutPlanBuilder.AppId, [RolloutPlanBuilder.OldAllocationId(1)], "scale down");
        var context = new ScriptedOrchestrationContext().Returns(RolloutActivities.Stop, 1);

        var stopped = await new ScaleDownOrchestrator().RunAsync(context.Object, input);

        Assert.Equal(1, stopped);
        var call = Assert.Single(context.Calls);
        Assert.Equal((RolloutActivities.Stop, input), (call.Name, call.Input));
        Assert.Equal((5, TimeSpan.FromSeconds(1), 2d), (call.Options?.Retry?.Policy?.MaxNumberOfAttempts, call.Options?.Retry?.Policy?.FirstRetryInterval, call.Options?.Retry?.Policy?.BackoffCoefficient));
    }
}
