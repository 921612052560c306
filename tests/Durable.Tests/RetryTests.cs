using Durable.Tests.Infrastructure;
using TestSupport;

namespace Durable.Tests;

public sealed class RetryTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Activity_FailingTwice_SucceedsOnTheThirdAttemptAfterGrowingDurableTimers()
    {
        var attempts = 0;
        var retry = new RetryPolicy(maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromMilliseconds(500), backoffCoefficient: 2);
        await using var host = await DurableTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName(), registry => registry
            .AddActivityFunc<string, int>("Flaky", (_, _) =>
            {
                var attempt = Interlocked.Increment(ref attempts);
                return attempt < 3 ? throw new InvalidOperationException($"attempt {attempt} failed") : Task.FromResult(attempt);
            })
            .AddOrchestratorFunc<string, int>("CallFlaky", (context, _) =>
                context.CallActivityAsync<int>("Flaky", null, TaskOptions.FromRetryPolicy(retry))));

        var result = await host.RunAsync("CallFlaky");
        var history = await host.Client.GetOrchestrationHistoryAsync(result.InstanceId);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(3, result.ReadOutputAs<int>());
        Assert.Equal(3, attempts);
        var timers = history.OfType<TimerCreated>().ToList();
        Assert.Equal([TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1)], timers.Select(t => t.FireAt - t.Timestamp));
        Assert.Equal(2, history.OfType<TaskFailed>().Count());

        // Each retry is scheduled by the step its timer woke, never before the timer was due.
        var retriesScheduledAt = history.OfType<TaskScheduled>().Skip(1).Select(e => e.Timestamp).ToList();
        Assert.Equal(2, retriesScheduledAt.Count);
        Assert.All(timers.Zip(retriesScheduledAt), pair => Assert.True(pair.Second >= pair.First.FireAt, $"retry at {pair.Second:O} before its timer {pair.First.FireAt:O}"));
        HistoryAssert.EachStepCommittedOnce(history);
    }

    [Fact]
    public async Task Activity_ExhaustingItsRetries_FailsTheInstanceWithTheActivitysError()
    {
        var attempts = 0;
        var retry = new RetryPolicy(maxNumberOfAttempts: 3, firstRetryInterval: TimeSpan.FromMilliseconds(100));
        await using var host = await DurableTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName(), registry => registry
            .AddActivityFunc<string, int>("AlwaysFails", (_, _) =>
            {
                Interlocked.Increment(ref attempts);
                throw new InvalidOperationException("the disk is full");
            })
            .AddOrchestratorFunc<string, int>("CallAlwaysFails", (context, _) =>
                context.CallActivityAsync<int>("AlwaysFails", null, TaskOptions.FromRetryPolicy(retry))));

        var result = await host.RunAsync("CallAlwaysFails");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal(3, attempts);
        var failure = Assert.IsType<TaskFailureDetails>(result.FailureDetails);
        Assert.Equal(typeof(TaskFailedException).FullName, failure.ErrorType);
        Assert.Contains("AlwaysFails", failure.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("the disk is full", failure.ErrorMessage, StringComparison.Ordinal);
        var cause = Assert.IsType<TaskFailureDetails>(failure.InnerFailure);
        Assert.Equal(typeof(InvalidOperationException).FullName, cause.ErrorType);
        Assert.Equal("the disk is full", cause.ErrorMessage);
    }

    [Fact]
    public async Task Activity_WhoseFailureTheRetryFilterRefuses_IsNotRetried()
    {
        var attempts = 0;
        var retry = new RetryPolicy(maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromMilliseconds(100))
        {
            HandleFailure = failure => failure.ErrorType != typeof(ArgumentException).FullName,
        };
        await using var host = await DurableTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName(), registry => registry
            .AddActivityFunc<string, int>("RejectsInput", (_, _) =>
            {
                Interlocked.Increment(ref attempts);
                throw new ArgumentException("input is invalid");
            })
            .AddOrchestratorFunc<string, int>("CallRejectsInput", (context, _) =>
                context.CallActivityAsync<int>("RejectsInput", null, TaskOptions.FromRetryPolicy(retry))));

        var result = await host.RunAsync("CallRejectsInput");
        var history = await host.Client.GetOrchestrationHistoryAsync(result.InstanceId);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal(1, attempts);
        Assert.Empty(history.OfType<TimerCreated>());
        Assert.Single(history.OfType<TaskScheduled>());
        Assert.Contains("input is invalid", result.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
    }
}
