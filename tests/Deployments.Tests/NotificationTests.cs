using Deployments.Model;
using Deployments.Orchestrations;
using Deployments.Orchestrations.Activities;
using Deployments.Rules;
using Deployments.Storage;
using Deployments.Tests.Infrastructure;
using DurableTask.Core.History;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using TestSupport;

namespace Deployments.Tests;

public sealed class NotificationTests(AzuriteFixture azurite)
{
    private const string Secret = "subscriber-secret";

    [Fact]
    public async Task Subscriber_ReceivesASignedCloudEventForEveryStatusChange()
    {
        await using var host = await DeploymentsTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName("notify"));
        await using var receiver = await NotificationReceiver.StartAsync(Secret);
        await SubscribeAsync(host, receiver.Url);
        var app = await host.CreateSampleAppAsync(await host.CreateLocalClusterAsync(), instances: 1);

        var deployment = await host.DeploySuccessfullyAsync(app.Id);

        var delivered = await ChangesDeliveredAsync(receiver, deployment.Id);
        Assert.Equal(["io.controlplane.deployment.running", "io.controlplane.deployment.successful"], delivered.Select(n => n.Type));
        foreach (var notification in delivered)
        {
            Assert.StartsWith("application/cloudevents+json", notification.ContentType, StringComparison.Ordinal);
            Assert.True(notification.SignatureValid, "The X-Signature-256 header must verify with the subscription's secret.");
            Assert.Equal("1.0", notification.Event.GetProperty("specversion").GetString());
            Assert.Equal("application/json", notification.Event.GetProperty("datacontenttype").GetString());
            Assert.Equal($"/namespaces/default/deployments/{deployment.Id:N}", notification.Event.GetProperty("source").GetString());
            Assert.Equal(deployment.Id, notification.Event.GetProperty("data").GetProperty("id").GetGuid());
            foreach (var internalField in new[] { "instance_id", "recent_update_ids", "paused_total" })
            {
                Assert.False(notification.Event.GetProperty("data").TryGetProperty(internalField, out _), $"{internalField} was sent to a subscriber");
            }
        }

        Assert.Equal("successful", delivered[1].Event.GetProperty("data").GetProperty("status").GetString());
        // The data is the deployment as GET /api/deployments/{id} shows it (without the HTTP-only links):
        // Cloud Foundry's state and the options, durations written as people write them.
        var data = delivered[1].Event.GetProperty("data");
        Assert.Equal("FINALIZED", data.GetProperty("state").GetProperty("value").GetString());
        Assert.Equal("DEPLOYED", data.GetProperty("state").GetProperty("reason").GetString());
        Assert.Equal(DurationText.Of(deployment.Options.ProgressDeadline), data.GetProperty("options").GetProperty("progress_deadline").GetString());
        Assert.False(data.TryGetProperty("links", out _), "links belong to the HTTP answer, not the notification");
        Assert.Equal(2, receiver.Received.Count(r => r.Subject == deployment.Id.ToString("N")));
    }

    [Fact]
    public async Task Subscriber_ThatFailsFirst_StillReceivesTheChangeOnARetry()
    {
        await using var host = await DeploymentsTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName("notifyretry"));
        await using var receiver = await NotificationReceiver.StartAsync(Secret, failFirst: 1);
        await SubscribeAsync(host, receiver.Url);
        var app = await host.CreateSampleAppAsync(await host.CreateLocalClusterAsync(), instances: 1);

        var deployment = await host.DeploySuccessfullyAsync(app.Id);

        var delivered = await ChangesDeliveredAsync(receiver, deployment.Id);
        Assert.Equal(2, delivered.Count);
        var refused = Assert.Single(receiver.Received, r => r.Answered == 500);
        Assert.Contains(delivered, n => n.Id == refused.Id);
        Assert.All(receiver.Received, r => Assert.True(r.SignatureValid));
    }

    [Fact]
    public async Task DeadSubscriber_NeitherBlocksNorFailsTheRollout()
    {
        await using var host = await DeploymentsTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName("notifydead"));
        await using var receiver = await NotificationReceiver.StartAsync(Secret);
        await SubscribeAsync(host, NotificationReceiver.DeadUrl());
        await SubscribeAsync(host, receiver.Url);
        var app = await host.CreateSampleAppAsync(await host.CreateLocalClusterAsync(), instances: 1);

        var deployment = await host.DeploySuccessfullyAsync(app.Id);

        Assert.Equal(2, (await ChangesDeliveredAsync(receiver, deployment.Id)).Count);
        var client = host.Services.GetRequiredService<DurableTaskClient>();
        await Polling.UntilAsync("a failed delivery attempt to the dead subscriber", async token =>
        {
            await foreach (var instance in client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = $"notify-{deployment.Id:N}-" }).WithCancellation(token))
            {
                var history = await client.GetOrchestrationHistoryAsync(instance.InstanceId, token);
                if (history.OfType<TaskFailedEvent>().Any(f => f.FailureDetails?.ErrorMessage.Contains("refused", StringComparison.OrdinalIgnoreCase) == true))
                {
                    return instance;
                }
            }

            return null;
        }, DeploymentsTestHost.DefaultTimeout);
        Assert.Equal(DeploymentStatus.Successful, (await host.Deployments.GetRequiredAsync(deployment.Id, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task StatusChange_WrittenByARunThatDiedBeforeAnnouncingIt_IsAnnouncedOnceByTheNextRun()
    {
        await using var host = await DeploymentsTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName("notifyrerun"));
        await using var receiver = await NotificationReceiver.StartAsync(Secret);
        await SubscribeAsync(host, receiver.Url);
        var app = await host.CreateSampleAppAsync(await host.CreateLocalClusterAsync(), instances: 1);
        var deployment = await host.DeploySuccessfullyAsync(app.Id);
        await ChangesDeliveredAsync(receiver, deployment.Id);
        var update = new DeploymentUpdate(deployment.Id, Guid.NewGuid(), "failed", "Failed by an operator", DeploymentCommand.Fail, "Failed");
        // As the first run left it: the status written and its update id remembered, the announcement never sent.
        await host.Services.GetRequiredService<DeploymentStore>().UpdateAsync(deployment.Id, current =>
            new DeploymentChange(current.Applying(update.UpdateId) with { Status = DeploymentStatus.Failed }, [(update.Actor, update.Kind, update.Message)]), CancellationToken.None);
        var activity = ActivatorUtilities.CreateInstance<UpdateDeploymentActivity>(host.Services);

        await activity.RunAsync(new Mock<TaskActivityContext>().Object, update);
        await activity.RunAsync(new Mock<TaskActivityContext>().Object, update);

        var failed = await Polling.UntilAsync("the failed status to be delivered", _ =>
            Task.FromResult(receiver.AcceptedFor(deployment.Id).Where(n => n.Type == "io.controlplane.deployment.failed").ToList() is { Count: > 0 } found ? found : null),
            DeploymentsTestHost.DefaultTimeout);
        Assert.Single(failed.Select(n => n.Id).Distinct());
    }

    private static async Task SubscribeAsync(DeploymentsTestHost host, Uri url) =>
        await host.Services.GetRequiredService<SubscriptionStore>().CreateAsync(
            new Subscription(Guid.NewGuid(), Names.DefaultNamespace, url, Secret, DateTimeOffset.UtcNow), CancellationToken.None);

    /// <summary>Waits for the deployment's two status changes (running, successful) to be accepted; returns them in the order they happened.</summary>
    private static async Task<IReadOnlyList<ReceivedNotification>> ChangesDeliveredAsync(NotificationReceiver receiver, Guid deploymentId)
    {
        var accepted = await Polling.UntilAsync($"both status changes of deployment {deploymentId} to be delivered", _ =>
            Task.FromResult(receiver.AcceptedFor(deploymentId) is { Count: >= 2 } found ? found : null), DeploymentsTestHost.DefaultTimeout);
        return [.. accepted.OrderBy(n => n.Event.GetProperty("data").GetProperty("modify_index").GetInt64())];
    }
}
