using Durable.Tests.Infrastructure;
using TestSupport;

namespace Durable.Tests;

public sealed class SubOrchestrationTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task SubOrchestration_WithExplicitInstanceId_ReturnsItsResultToTheParent()
    {
        await using var host = await DurableTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName(), RegisterFamily);

        var parent = await host.RunAsync("Parent", 7, "parent-1");
        var child = await host.Client.GetInstanceAsync("parent-1-child", getInputsAndOutputs: true);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, parent.RuntimeStatus);
        Assert.Equal(50, parent.ReadOutputAs<int>());
        Assert.NotNull(child);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, child.RuntimeStatus);
        Assert.Equal(49, child.ReadOutputAs<int>());
        Assert.Equal("parent-1", child.ParentInstanceId);
    }

    [Fact]
    public async Task SubOrchestration_ThatFails_SurfacesInTheParentWithTheChildsFailureDetails()
    {
        await using var host = await DurableTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName(), RegisterFamily);

        var parent = await host.RunAsync("CatchingParent", -1);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, parent.RuntimeStatus);
        Assert.Equal($"{typeof(InvalidOperationException).FullName}: negative input -1", parent.ReadOutputAs<string>());
    }

    [Fact]
    public async Task SubOrchestration_FailureNotCaught_FailsTheParentNamingTheChildsError()
    {
        await using var host = await DurableTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName(), RegisterFamily);

        var parent = await host.RunAsync("Parent", -2, "parent-2");
        var child = await host.Client.GetInstanceAsync("parent-2-child");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, parent.RuntimeStatus);
        Assert.Equal(typeof(SubOrchestrationFailedException).FullName, parent.FailureDetails!.ErrorType);
        Assert.Equal(typeof(InvalidOperationException).FullName, parent.FailureDetails.InnerFailure?.ErrorType);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, child!.RuntimeStatus);
        Assert.Equal("negative input -2", child.FailureDetails!.ErrorMessage);
    }

    private static void RegisterFamily(DurableTaskRegistry registry) => registry
        .AddOrchestratorFunc<int, int>("Square", (_, n) =>
            n < 0 ? throw new InvalidOperationException($"negative input {n}") : Task.FromResult(n * n))
        .AddOrchestratorFunc<int, int>("Parent", async (context, n) =>
            await context.CallSubOrchestratorAsync<int>("Square", n, new SubOrchestrationOptions($"{context.InstanceId}-child")) + 1)
        .AddOrchestratorFunc<int, string>("CatchingParent", async (context, n) =>
        {
            try
            {
                return (await context.CallSubOrchestratorAsync<int>("Square", n)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (SubOrchestrationFailedException failed)
            {
                return failed.FailureDetails.ToString();
            }
        });
}
