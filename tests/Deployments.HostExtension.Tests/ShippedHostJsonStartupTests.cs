using Deployments.HostExtension.Tests.Infrastructure;
using Microsoft.Azure.WebJobs.Extensions.DurableTask;
using TestSupport;

namespace Deployments.HostExtension.Tests;

/// <summary>
/// The shipped host.json under the Functions host's own Durable extension, against Azurite. Both tests change the
/// process environment (<c>CONTAINER_NAME</c>) while their host runs, so they stay in this one class, which
/// xunit runs one test at a time.
/// </summary>
public sealed class ShippedHostJsonStartupTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ShippedHostJson_StartsTheHostsDurableExtension_AndCreatesTheTaskHubItNames()
    {
        var hostJson = HostJson.Shipped();
        var hubName = hostJson.HubName;
        var partitionCount = hostJson.PartitionCount ?? new AzureStorageOptions().PartitionCount;
        var queuePrefix = TaskHubStorage.QueuePrefix(hubName);
        string[] expectedControlQueues = [.. Enumerable.Range(0, partitionCount).Select(partition => $"{queuePrefix}control-{partition:00}")];
        var cancellation = TestContext.Current.CancellationToken;

        await using var host = await DurableExtensionHost.StartAsync(hostJson, azurite.ConnectionString, cancellation);

        var storage = await Polling.UntilAsync(
            $"task hub {hubName} in storage",
            probe => TaskHubStorage.ReadAsync(azurite.ConnectionString, hubName, probe),
            found => found.HasTable($"{hubName}History")
                && found.HasTable($"{hubName}Instances")
                && found.Queues.Contains($"{queuePrefix}workitems")
                && expectedControlQueues.All(found.Queues.Contains));
        // All present is not enough: a partition count the extension did not take would leave extra control queues.
        Assert.Equal(expectedControlQueues, storage.ControlQueues(hubName));
    }

    [Fact]
    public async Task ControlQueueVisibilityTimeoutUnderOneMinute_StopsTheHostFromStarting()
    {
        var hostJson = HostJson.Shipped()
            // Its own hub: should the extension ever accept the value, this start must not create the shipped hub.
            .WithDurableTaskValue("hubName", azurite.NewHubName("refused"))
            .WithDurableTaskValue("storageProvider.controlQueueVisibilityTimeout", "00:00:15");

        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var host = await DurableExtensionHost.StartAsync(hostJson, azurite.ConnectionString, TestContext.Current.CancellationToken);
        });

        var refusal = Causes(error).OfType<InvalidOperationException>().FirstOrDefault(cause => cause.Message.Contains("ControlQueueVisibilityTimeout", StringComparison.Ordinal));
        Assert.True(refusal is not null, $"The start failed, but not on ControlQueueVisibilityTimeout: {error}");
    }

    private static IEnumerable<Exception> Causes(Exception error)
    {
        for (Exception? cause = error; cause is not null; cause = cause.InnerException)
        {
            yield return cause;
        }
    }
}
