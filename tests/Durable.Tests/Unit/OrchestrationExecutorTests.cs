using Durable.Replay;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Durable.Tests.Unit;

/// <summary>The replay executor on its own: history in, outcome and actions out, no storage.</summary>
public sealed class OrchestrationExecutorTests
{
    private static readonly DateTime T0 = new(2030, 1, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly ExecutionStarted Started = new("X", "exec-1", null) { Timestamp = T0 };

    [Fact]
    public void Replay_WhereCodeNowSchedulesADifferentActivity_FailsNamingBoth()
    {
        var executor = Executor(CallsThenWaits("B"));

        executor.Replay([new OrchestratorStarted { Timestamp = T0 }, Started, new TaskScheduled(0, "A", null) { Timestamp = T0 }]);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, executor.Outcome?.Status);
        Assert.Equal(typeof(NonDeterministicOrchestrationException).FullName, executor.Outcome!.Failure!.ErrorType);
        Assert.Contains("'A'", executor.Outcome.Failure.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("'B'", executor.Outcome.Failure.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_WhereCodeNowCreatesATimerInsteadOfAnActivity_FailsAsNonDeterministic()
    {
        var executor = Executor(async (context, _) =>
        {
            await context.CreateTimer(TimeSpan.FromMinutes(1), CancellationToken.None);
            return "done";
        });

        executor.Replay([new OrchestratorStarted { Timestamp = T0 }, Started, new TaskScheduled(0, "A", null) { Timestamp = T0 }]);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, executor.Outcome?.Status);
        Assert.Contains("CreateTimer", executor.Outcome!.Failure!.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_OfMatchingHistory_LeavesTheExecutionWaitingAndAsksForNothingNew()
    {
        var executor = Executor(CallsThenWaits("A"));

        executor.Replay([
            new OrchestratorStarted { Timestamp = T0 }, Started, new TaskScheduled(0, "A", null) { Timestamp = T0 },
            new OrchestratorStarted { Timestamp = T0.AddSeconds(1) }, new TaskCompleted(0, "\"a\"")]);
        var actions = executor.ApplyNew([new OrchestratorStarted { Timestamp = T0.AddSeconds(2) }]);

        Assert.Null(executor.Outcome);
        Assert.Empty(actions);
        Assert.Equal(T0.AddSeconds(2), executor.CurrentUtcDateTime);
    }

    [Fact]
    public void ApplyNew_DrivesTheCodeForwardAndReturnsOnlyNewActions()
    {
        var executor = Executor(CallsThenWaits("A"));

        var first = executor.ApplyNew([new OrchestratorStarted { Timestamp = T0 }, Started]);
        var second = executor.ApplyNew([new OrchestratorStarted { Timestamp = T0.AddSeconds(1) }, new TaskCompleted(0, "\"a\"")]);
        var third = executor.ApplyNew([new OrchestratorStarted { Timestamp = T0.AddSeconds(2) }, new EventRaised("continue", "\"!\"", "m1")]);

        Assert.Equal("ScheduleTask 'A'", Assert.Single(first).Describe());
        Assert.Empty(second);
        Assert.Empty(third);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, executor.Outcome?.Status);
        Assert.Equal("\"a!\"", executor.Outcome!.Output);
    }

    [Fact]
    public void Events_AfterContinueAsNewInTheSameStep_AreCarriedOver()
    {
        var executor = Executor(async (context, _) =>
        {
            var first = await context.WaitForExternalEvent<string>("item");
            context.ContinueAsNew(first, preserveUnprocessedEvents: true);
            return first;
        });

        executor.ApplyNew([
            new OrchestratorStarted { Timestamp = T0 }, Started,
            new EventRaised("item", "\"a\"", "m1"), new EventRaised("item", "\"b\"", "m2"), new EventRaised("item", "\"c\"", "m3")]);

        Assert.Equal(OrchestrationRuntimeStatus.ContinuedAsNew, executor.Outcome?.Status);
        Assert.Equal(["m2", "m3"], executor.Outcome!.CarriedOverEvents!.Select(e => e.MessageId));
    }

    [Fact]
    public void Event_ArrivingAfterItsWaitTimedOut_IsKeptForTheNextWait()
    {
        var executor = Executor(async (context, _) =>
        {
            try
            {
                return await context.WaitForExternalEvent<string>("answer", TimeSpan.FromSeconds(1));
            }
            catch (TaskCanceledException)
            {
                return "late: " + await context.WaitForExternalEvent<string>("answer");
            }
        });

        var timer = Assert.IsType<CreateTimerAction>(Assert.Single(executor.ApplyNew([new OrchestratorStarted { Timestamp = T0 }, Started])));
        executor.ApplyNew([new OrchestratorStarted { Timestamp = T0.AddSeconds(1) }, new TimerFired(timer.Id, timer.FireAt)]);
        Assert.Null(executor.Outcome);
        executor.ApplyNew([new OrchestratorStarted { Timestamp = T0.AddSeconds(2) }, new EventRaised("answer", "\"42\"", "m1")]);

        Assert.Equal("\"late: 42\"", executor.Outcome?.Output);
    }

    [Fact]
    public void Classify_RecognisesRedeliveriesAndMessagesOfOtherExecutions()
    {
        var executor = Executor(CallsThenWaits("A"));
        executor.ApplyNew([new OrchestratorStarted { Timestamp = T0 }, Started]);
        executor.ApplyNew([new OrchestratorStarted { Timestamp = T0 }, new TaskCompleted(0, "\"a\""), new EventRaised("other", null, "m1")]);

        Assert.Equal(MessageDisposition.Duplicate, executor.Classify(Message("exec-1", new TaskCompleted(0, "\"a\""))));
        Assert.Equal(MessageDisposition.Duplicate, executor.Classify(Message(null, new EventRaised("other", null, "m1"))));
        Assert.Equal(MessageDisposition.Stale, executor.Classify(Message("exec-0", new TaskCompleted(0, "\"a\""))));
        Assert.Equal(MessageDisposition.Stale, executor.Classify(Message("exec-1", new TaskCompleted(7, null))));
        Assert.Equal(MessageDisposition.Apply, executor.Classify(Message(null, new EventRaised("continue", null, "m2"))));
    }

    internal static OrchestrationExecutor Executor(Func<TaskOrchestrationContext, string, Task<string>> code)
    {
        var registry = new DurableTaskRegistry().AddOrchestratorFunc("X", code);
        using var services = new ServiceCollection().BuildServiceProvider();
        return new OrchestrationExecutor("instance-1", Started, registry.CreateOrchestrator("X", services), NullLoggerFactory.Instance);
    }

    /// <summary>Version "A" or "B" of an orchestrator: one activity, then an event.</summary>
    internal static Func<TaskOrchestrationContext, string, Task<string>> CallsThenWaits(string activity) => async (context, _) =>
    {
        var first = await context.CallActivityAsync<string>(activity);
        return first + await context.WaitForExternalEvent<string>("continue");
    };

    private static Messaging.TaskMessage Message(string? executionId, HistoryEvent historyEvent) =>
        Messaging.TaskMessage.Create("instance-1", executionId, historyEvent, T0);
}
