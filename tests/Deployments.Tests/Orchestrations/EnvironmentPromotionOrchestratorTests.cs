using Deployments.Model;
using Deployments.Orchestrations;
using Deployments.Service;
using Microsoft.DurableTask;
using Moq;

namespace Deployments.Tests.Orchestrations;

public sealed class EnvironmentPromotionOrchestratorTests
{
    private static readonly EnvironmentPromotion Promotion = new(
        Guid.Parse("90000000-0000-0000-0000-000000000001"), "team-a", "production", RolloutPlanBuilder.DeploymentId,
        ScaleDownPrevious: true, "alice", Expiry: null);

    private static readonly EnvironmentPromotionOutcome Applied = new(true, Guid.Parse("d0000000-0000-0000-0000-000000000099"), true, "Promoted to production");

    [Theory]
    [InlineData(null)]
    [InlineData(60)]
    public async Task EnvironmentPromotion_WhenApproved_AppliesThePromotion(int? expiryMinutes)
    {
        var input = Promotion with { Expiry = expiryMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : null };
        var context = Script();
        context.TimersFire = false;
        var run = Run(context, input);
        Assert.False(run.IsCompleted, "the promotion should wait for a decision");
        Assert.Equal([input.AwaitingApproval()], context.InputsOf<ApprovalNote>(PromotionActivities.NoteApproval));

        context.Raise(WorkflowNames.ApprovalEvent, new ApprovalDecision(true, "bob", null));
        var outcome = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(Applied, outcome);
        Assert.Equal([PromotionActivities.NoteApproval, PromotionActivities.NoteApproval, PromotionActivities.ApplyEnvironmentPromotion], context.Calls.Select(c => c.Name));
        var approved = context.InputsOf<ApprovalNote>(PromotionActivities.NoteApproval).Last();
        Assert.Equal(("approved", "bob", null), (approved.Kind, approved.Actor, approved.Environment));
        Assert.Equal(input, context.InputsOf<EnvironmentPromotion>(PromotionActivities.ApplyEnvironmentPromotion).Single());
    }

    [Fact]
    public async Task EnvironmentPromotion_WhenRejected_NotesTheReasonAndAppliesNothing()
    {
        var context = Script();
        context.Raise(WorkflowNames.ApprovalEvent, new ApprovalDecision(false, "bob", "change freeze"));

        var outcome = await Run(context, Promotion);

        Assert.Equal(new EnvironmentPromotionOutcome(false, null, false, StatusDescriptions.Rejected), outcome);
        var rejected = context.InputsOf<ApprovalNote>(PromotionActivities.NoteApproval).Last();
        Assert.Equal(("rejected", "bob", "Promotion to production rejected by bob: change freeze"), (rejected.Kind, rejected.Actor, rejected.Message));
        context.Mock.Verify(c => c.CallActivityAsync<EnvironmentPromotionOutcome>(
            It.Is<TaskName>(n => n.Name == PromotionActivities.ApplyEnvironmentPromotion), It.IsAny<object?>(), It.IsAny<TaskOptions?>()), Times.Never());
    }

    [Fact]
    public async Task EnvironmentPromotion_WhenNoDecisionBeforeExpiry_NotesExpiryAndAppliesNothing()
    {
        var expiry = TimeSpan.FromHours(4);
        var context = Script();

        var outcome = await Run(context, Promotion with { Expiry = expiry });

        Assert.Equal(new EnvironmentPromotionOutcome(false, null, false, StatusDescriptions.ApprovalExpired), outcome);
        Assert.Equal([ScriptedOrchestrationContext.Start + expiry], context.Timers);
        var expired = context.InputsOf<ApprovalNote>(PromotionActivities.NoteApproval).Last();
        Assert.Equal(("approval-expired", "system", null, "Promotion to production expired without approval"),
            (expired.Kind, expired.Actor, expired.Environment, expired.Message));
        Assert.Empty(context.CallsOf(PromotionActivities.ApplyEnvironmentPromotion));
    }

    private static ScriptedOrchestrationContext Script() =>
        new ScriptedOrchestrationContext().Returns(PromotionActivities.ApplyEnvironmentPromotion, Applied);

    private static Task<EnvironmentPromotionOutcome> Run(ScriptedOrchestrationContext context, EnvironmentPromotion input) =>
        new EnvironmentPromotionOrchestrator().RunAsync(context.Object, input);
}
