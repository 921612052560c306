using Durable.Tests.Infrastructure;
using TestSupport;

namespace Durable.Tests;

public sealed class NonDeterminismTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Orchestrator_ChangedWhileAnInstanceWaits_FailsTheInstanceNamingBothActions()
    {
        var hub = azurite.NewHubName();
        string id;
        await using (var versionA = await DurableTestHost.StartAsync(azurite.ConnectionString, hub, registry => Register(registry, firstActivity: "A")))
        {
            id = await versionA.Client.ScheduleNewOrchestrationInstanceAsync("X");
            await versionA.WaitForHistoryAsync(id, history => history.OfType<TaskCompleted>().Any());
        }

        await using var versionB = await DurableTestHost.StartAsync(azurite.ConnectionString, hub, registry => Register(registry, firstActivity: "B"));
        await versionB.Client.RaiseEventAsync(id, "continue");
        var result = await versionB.WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal(typeof(NonDeterministicOrchestrationException).FullName, result.FailureDetails!.ErrorType);
        Assert.Contains("'A'", result.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("'B'", result.FailureDetails.ErrorMessage, StringComparison.Ordinal);
    }

    private static void Register(DurableTaskRegistry registry, string firstActivity) => registry
        .AddActivityFunc<string, string>("A", (_, _) => Task.FromResult("a"))
        .AddActivityFunc<string, string>("B", (_, _) => Task.FromResult("b"))
        .AddOrchestratorFunc<string, string>("X", async (context, _) =>
        {
            var first = await context.CallActivityAsync<string>(firstActivity);
            return first + await context.WaitForExternalEvent<string>("continue");
        });
}
