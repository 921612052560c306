using Durable.Messaging;
using Durable.Storage;
using Durable.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Durable.Tests.Unit;

/// <summary>One step from delivered messages to a checkpoint, without storage: the commit is simulated.</summary>
public sealed class EpisodeRunnerTests : IDisposable
{
    private static readonly DateTime T0 = new(2030, 1, 1, 12, 0, 0, DateTimeKind.Utc);
    private readonly ServiceProvider services = new ServiceCollection().BuildServiceProvider();

    public void Dispose() => services.Dispose();

    [Fact]
    public void Batch_HoldingAnEventAndItsRedeliveredCopy_AppliesItOnce()
    {
        var runner = Runner(CountEvents);
        var session = new InstanceSession("i");
        Commit(session, runner.Run(session, [Message(null, new ExecutionStarted("X", "exec-1", null))], T0));

        var copy = Message(null, new EventRaised("item", "\"x\"", "event-1"));
        var step = runner.Run(session, [copy, copy with { Id = "redelivered" }], T0.AddSeconds(1));

        Assert.Single(step.Checkpoint!.NewEvents.OfType<EventRaised>());
    }

    [Fact]
    public void Batch_HoldingTwoCompletionsOfOneTask_RecordsOneCompletion()
    {
        var runner = Runner(OrchestrationExecutorTests.CallsThenWaits("A"));
        var session = new InstanceSession("i");
        Commit(session, runner.Run(session, [Message(null, new ExecutionStarted("X", "exec-1", null))], T0));

        var step = runner.Run(session, [Message("exec-1", new TaskCompleted(0, "\"a\"")), Message("exec-1", new TaskCompleted(0, "\"a\""))], T0.AddSeconds(1));

        Assert.Single(step.Checkpoint!.NewEvents.OfType<TaskCompleted>());
    }

    [Fact]
    public void Step_AfterAReplayThatFoundNonDeterminism_CommitsTheFailure()
    {
        var started = new ExecutionStarted("X", "exec-1", null) { Timestamp = T0 };
        var state = new InstanceState("i", "X", "exec-1", OrchestrationRuntimeStatus.Running, T0, T0) { HistorySequence = 2 };
        var snapshot = new InstanceSnapshot(state, new Azure.ETag("e1"), [
            new OrchestratorStarted { Timestamp = T0 }, started, new TaskScheduled(0, "A", null) { Timestamp = T0 },
            new OrchestratorStarted { Timestamp = T0 }, new TaskCompleted(0, "\"a\"")], [], [], []);
        var runner = Runner(OrchestrationExecutorTests.CallsThenWaits("B"));

        var session = runner.Load(snapshot, "i");
        var step = runner.Run(session, [Message(null, new EventRaised("continue", "\"!\"", "m1"))], T0.AddSeconds(5));

        Assert.Equal(OrchestrationRuntimeStatus.Failed, step.Checkpoint?.State.Status);
        Assert.Equal(typeof(NonDeterministicOrchestrationException).FullName, step.Checkpoint!.State.Failure!.ErrorType);
        Assert.IsType<ExecutionCompleted>(step.Checkpoint.NewEvents[^1]);
    }

    [Fact]
    public void Event_ForAnInstanceNotYetStarted_IsKeptInTheInboxAndAppliedAtStart()
    {
        var runner = Runner(async (context, _) => await context.WaitForExternalEvent<string>("go"));
        var session = new InstanceSession("i");

        var early = runner.Run(session, [Message(null, new EventRaised("go", "\"early\"", "m1"))], T0);
        Commit(session, early);
        var start = runner.Run(session, [Message(null, new ExecutionStarted("X", "exec-1", null))], T0.AddSeconds(1));

        Assert.True(early.Checkpoint!.State.IsPlaceholder);
        Assert.Single(early.Checkpoint.NewInbox);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, start.Checkpoint!.State.Status);
        Assert.Equal("\"early\"", start.Checkpoint.State.Output);
    }

    private static Task<string> CountEvents(TaskOrchestrationContext context, string input) => Count(context);

    private static async Task<string> Count(TaskOrchestrationContext context)
    {
        var count = 0;
        while (await context.WaitForExternalEvent<string>("item") != "stop")
        {
            count++;
        }

        return count.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private EpisodeRunner Runner(Func<TaskOrchestrationContext, string, Task<string>> code) =>
        new(new DurableTaskRegistry().AddOrchestratorFunc("X", code), services, NullLoggerFactory.Instance);

    /// <summary>What the dispatcher does after a successful commit.</summary>
    private static void Commit(InstanceSession session, EpisodeResult result)
    {
        session.State = result.Checkpoint!.State;
        session.Executor = result.Executor;
        session.Inbox.RemoveAll(row => result.ConsumedInboxRowKeys.Contains(row.RowKey));
        session.Inbox.AddRange(result.Checkpoint.NewInbox);
    }

    private static TaskMessage Message(string? executionId, HistoryEvent historyEvent) =>
        TaskMessage.Create("i", executionId, historyEvent with { Timestamp = T0 }, T0);
}
