using Deployments.HostExtension.Tests.Infrastructure;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.DurableTask;

namespace Deployments.HostExtension.Tests;

/// <summary>
/// These tests stand in for the Functions host only while they load what the Functions build ships to it; a
/// package upgrade on one side without the other fails here, naming the package.
/// </summary>
public sealed class HostExtensionVersionTests
{
    [Theory]
    [InlineData("Microsoft.Azure.WebJobs.Extensions.DurableTask", typeof(DurableTaskOptions))]
    [InlineData("Microsoft.Azure.WebJobs", typeof(JobHost))]
    [InlineData("Microsoft.Azure.WebJobs.Host.Storage", typeof(JobHostInternalStorageOptions))]
    [InlineData("Microsoft.Azure.DurableTask.Core", typeof(TaskHubWorker))]
    [InlineData("Microsoft.Azure.DurableTask.AzureStorage", typeof(AzureStorageOrchestrationService))]
    public void TheseTests_LoadThePackageVersionTheFunctionsBuildShipsToTheHost(string packageId, Type typeFromPackage)
    {
        var shipped = ShippedHostExtensions.VersionOf(packageId);
        Assert.True(shipped is not null, $"{ShippedHostExtensions.DepsJsonPath} lists no {packageId}.");

        var loaded = ShippedHostExtensions.PackageVersionOf(typeFromPackage.Assembly);

        Assert.True(
            shipped == loaded,
            $"The Functions build ships {packageId} {shipped} to the host, these tests load {loaded}: set {packageId} to {shipped} in Directory.Packages.props.");
    }
}
