using Deployments.HostExtension.Tests.Infrastructure;
using Microsoft.Azure.WebJobs.Extensions.DurableTask;

namespace Deployments.HostExtension.Tests;

/// <summary>The extension ignores host.json settings it does not know, so every Durable key must name one of its options.</summary>
public sealed class HostJsonOptionNamesTests
{
    [Fact]
    public void ShippedHostJson_NamesOnlyDurableOptionsTheExtensionReads()
    {
        var unknown = DurableTaskSectionCheck.UnknownKeys(HostJson.Shipped().DurableTask);

        Assert.True(
            unknown.Count == 0,
            $"host.json sets Durable options the extension {typeof(DurableTaskOptions).Assembly.GetName().Name} " +
            $"{ShippedHostExtensions.PackageVersionOf(typeof(DurableTaskOptions).Assembly)} ignores: {string.Join(", ", unknown)}. " +
            $"durableTask takes: {string.Join(", ", DurableTaskSectionCheck.BoundNames(typeof(DurableTaskOptions)))}. " +
            $"storageProvider takes: {string.Join(", ", DurableTaskSectionCheck.StorageProviderNames())}.");
    }

    [Fact]
    public void KeysTheExtensionDoesNotRead_AreReportedWithTheirPath_InAnyCaseOfTheKnownOnes()
    {
        var hostJson = HostJson.Parse("""
            {
              "extensions": {
                "durableTask": {
                  "HUBNAME": "Any",
                  "tracing": { "traceInputsAndOutputs": true, "traceEverything": true },
                  "storageProvider": {
                    "PartitionCount": 4,
                    "type": "AzureStorage",
                    "leaseInterval": "00:00:15",
                    "controlQueueVisibilityTimeout": "00:01:00"
                  }
                }
              }
            }
            """);

        var unknown = DurableTaskSectionCheck.UnknownKeys(hostJson.DurableTask);

        Assert.Equal(
            ["extensions.durableTask.tracing.traceEverything", "extensions.durableTask.storageProvider.leaseInterval"],
            unknown);
    }
}
