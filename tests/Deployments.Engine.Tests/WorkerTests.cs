using Deployments.Engine.Tests.Infrastructure;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using TestSupport;

namespace Deployments.Engine.Tests;

/// <summary>How the worker runs activities: their dependencies, their failures and retries, and its own shutdown.</summary>
public sealed class WorkerTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Activity_ResolvesItsDependenciesInAScopeOfItsOwnPerCall()
    {
        await using var engine = await StartAsync("scope");

        var done = await engine.RunAsync(TestTasks.TwoScopedCalls, 0);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        var ids = done.ReadOutputAs<List<Guid>>() ?? [];
        Assert.Equal(2, ids.Distinct().Count());
        var journal = engine.Services.GetRequiredService<ProbeJournal>();
        Assert.Equal(ids.Order(), journal.Disposed.Keys.Order());
        Assert.All(ids, id => Assert.True(journal.Disposed[id], $"scoped dependency {id} was not disposed after its call"));
    }

    [Fact]
    public async Task ActivityFailure_ReachesTheOrchestratorAsTaskFailedExceptionWithTheMessage()
    {
        await using var engine = await StartAsync("failure");

        var done = await engine.RunAsync(TestTasks.CatchFailure, "disk full");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal($"{TestTasks.Fail}|{typeof(InvalidOperationException).FullName}|disk full|True", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task RetryPolicy_RetriesAFailingActivityUpToItsAttempts()
    {
        var attempts = new AttemptCounter();
        await using var engine = await StartAsync("retry", services => services.AddSingleton(attempts));

        var done = await engine.RunAsync(TestTasks.RetryFlaky, "deploy");

        var attemptsAllowed = RetryFlakyOrchestrator.Retry.MaxNumberOfAttempts;
        Assert.Equal($"recovered on attempt 3; gave up: attempt {attemptsAllowed} of deploy-broken fails", done.ReadOutputAs<string>());
        Assert.Equal((3, attemptsAllowed), (attempts.Of("deploy-recovers"), attempts.Of("deploy-broken")));
    }

    [Fact]
    public async Task GracefulShutdown_LetsAnActivityInFlightFinishAndRecordsItsResult()
    {
        var hub = azurite.NewHubName("shutdown");
        var log = new SlowWorkLog();
        string id;
        await using (var first = await StartOnHubAsync(hub, log))
        {
            id = await first.Client.ScheduleNewOrchestrationInstanceAsync(TestTasks.SlowWork, "migrate");
            await Polling.UntilAsync("the slow activity to start", () => !log.Started.IsEmpty);

            await first.StopAsync();

            Assert.Equal(["migrate"], log.Finished);
        }

        // The result was handed back before the worker let go: a fresh host finishes the orchestration from it
        // without running the activity again (an abandoned call would reappear and run twice).
        await using var second = await StartOnHubAsync(hub, log);
        var done = await second.WaitForEndAsync(id);

        Assert.Equal("migrate done", done.ReadOutputAs<string>());
        Assert.Equal(["migrate"], log.Started);
    }

    [Fact]
    public async Task GracefulShutdown_HandsItsWorkBackAtOnce_NotAfterTheMessagesVisibilityTimeout()
    {
        // Five minutes (the framework's default) of visibility: a message the stopping host fetched and did not
        // process would stall the orchestration far past the test's deadline.
        var hub = azurite.NewHubName("handback");
        var log = new SlowWorkLog();
        string id;
        await using (var first = await StartOnHubAsync(hub, log, TimeSpan.FromMinutes(5)))
        {
            id = await first.Client.ScheduleNewOrchestrationInstanceAsync(TestTasks.SlowWork, "reindex");
            await Polling.UntilAsync("the slow activity to start", () => !log.Started.IsEmpty);
            await first.StopAsync();
        }

        await using var second = await StartOnHubAsync(hub, log, TimeSpan.FromMinutes(5));
        var done = await second.WaitForEndAsync(id);

        Assert.Equal("reindex done", done.ReadOutputAs<string>());
        Assert.Equal(["reindex"], log.Started);
    }

    private Task<EngineHost> StartAsync(string prefix, Action<IServiceCollection>? services = null) =>
        EngineHost.StartAsync(azurite.ConnectionString, azurite.NewHubName(prefix), services);

    /// <remarks>
    /// The activity's result reaches the control queue while the stopping host still listens to it but no longer runs
    /// orchestrations: the Azure Storage provider keeps such a message hidden, unprocessed, until its visibility
    /// timeout runs out (5 minutes by default). A short one lets the fresh host see it within the test's deadline.
    /// </remarks>
    private Task<EngineHost> StartOnHubAsync(string hub, SlowWorkLog log, TimeSpan? visibility = null) =>
        EngineHost.StartAsync(azurite.ConnectionString, hub, services => services.AddSingleton(log),
            options => options.StorageProvider.ControlQueueVisibilityTimeout = visibility ?? TimeSpan.FromSeconds(5));
}
