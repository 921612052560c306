using System.Text.Json;
using Deployments.Notifications;

namespace Deployments.Tests.Orchestrations;

public sealed class NotifySubscribersOrchestratorTests
{
    private static readonly Guid First = Guid.Parse("50000000-0000-0000-0000-000000000001");
    private static readonly Guid Broken = Guid.Parse("50000000-0000-0000-0000-000000000002");
    private static readonly Guid Third = Guid.Parse("50000000-0000-0000-0000-000000000003");

    private static readonly NotificationRequest Request = new("team-a", new CloudEvent(
        "1.0", "d1-7", "/namespaces/team-a/deployments/d1", "io.controlplane.deployment.successful", ScriptedOrchestrationContext.Start,
        "d1", "application/json", JsonSerializer.SerializeToElement(new { status = "successful" })));

    [Fact]
    public async Task NotifySubscribers_WhenOneDeliveryFails_CountsItFailedAndDeliversTheOthers()
    {
        var context = Script(First, Broken, Third)
            .OnActivity<Delivery>(NotifySubscribersOrchestrator.DeliverActivity, d =>
                d.SubscriptionId == Broken ? throw ScriptedOrchestrationContext.Failure(NotifySubscribersOrchestrator.DeliverActivity, "Subscriber answered 500.") : 204);

        var delivered = await Run(context);

        Assert.Equal(2, delivered);
        Assert.Equal(["team-a"], context.InputsOf<string>(NotifySubscribersOrchestrator.ListActivity));
        var deliveries = context.InputsOf<Delivery>(NotifySubscribersOrchestrator.DeliverActivity).ToList();
        Assert.Equal([First, Broken, Third], deliveries.Select(d => d.SubscriptionId));
        Assert.All(deliveries, d => Assert.Same(Request.Event, d.Event));
        Assert.Equal("""{"delivered":2,"failed":1}""", JsonSerializer.Serialize(context.CustomStatus));
    }

    [Fact]
    public async Task NotifySubscribers_DeliversEachWithTheRetryPolicy()
    {
        var context = Script(First, Third);

        await Run(context);

        var options = context.CallsOf(NotifySubscribersOrchestrator.DeliverActivity).Select(c => c.Options).ToList();
        Assert.Equal(2, options.Count);
        Assert.All(options, o =>
        {
            var policy = o?.Retry?.Policy;
            Assert.NotNull(policy);
            Assert.Equal((5, TimeSpan.FromSeconds(2), 2d, TimeSpan.FromMinutes(1)),
                (policy.MaxNumberOfAttempts, policy.FirstRetryInterval, policy.BackoffCoefficient, policy.MaxRetryInterval));
        });
    }

    [Fact]
    public async Task NotifySubscribers_WithoutSubscribers_DeliversNothing()
    {
        var context = Script();

        Assert.Equal(0, await Run(context));
        Assert.Empty(context.CallsOf(NotifySubscribersOrchestrator.DeliverActivity));
        Assert.Equal("""{"delivered":0,"failed":0}""", JsonSerializer.Serialize(context.CustomStatus));
    }

    private static ScriptedOrchestrationContext Script(params Guid[] subscribers) => new ScriptedOrchestrationContext()
        .Returns(NotifySubscribersOrchestrator.ListActivity, subscribers.ToList())
        .Returns(NotifySubscribersOrchestrator.DeliverActivity, 204);

    private static Task<int> Run(ScriptedOrchestrationContext context) => new NotifySubscribersOrchestrator().RunAsync(context.Object, Request);
}
