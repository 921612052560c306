using Durable.Messaging;

namespace Durable.Tests.Unit;

public sealed class TaskMessageDedupeKeyTests
{
    private static readonly DateTime Now = new(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static TheoryData<HistoryEvent, string> KeysByKind => new()
    {
        { new ExecutionStarted("Orch", "exec-2", null), "start:exec-2" },
        { new TaskCompleted(3, "\"ok\""), "task:exec-1:3" },
        { new TaskFailed(3, new TaskFailureDetails("E", "m")), "task:exec-1:3" },
        { new SubOrchestrationCompleted(4, null), "sub:exec-1:4" },
        { new SubOrchestrationFailed(4, new TaskFailureDetails("E", "m")), "sub:exec-1:4" },
        { new TimerFired(5, Now), "timer:exec-1:5" },
        { new EventRaised("approval", "true", "evt-9"), "event:evt-9" },
    };

    [Theory]
    [MemberData(nameof(KeysByKind))]
    public void DedupeKey_NamesWhatTheMessageMeans(HistoryEvent historyEvent, string expected) =>
        Assert.Equal(expected, TaskMessage.Create("i", "exec-1", historyEvent, Now).DedupeKey);

    [Fact]
    public void DedupeKey_OfARerunActivity_MatchesTheFirstRunsCompletion()
    {
        // A re-executed activity sends a new message (new id) for the same completion: it must be recognised.
        var first = TaskMessage.Create("i", "exec-1", new TaskCompleted(3, "1"), Now);
        var rerun = TaskMessage.Create("i", "exec-1", new TaskCompleted(3, "1"), Now);

        Assert.NotEqual(first.Id, rerun.Id);
        Assert.Equal(first.DedupeKey, rerun.DedupeKey);
    }

    [Fact]
    public void DedupeKey_OfCompletionsInDifferentExecutions_Differ() =>
        Assert.NotEqual(
            TaskMessage.Create("i", "exec-1", new TaskCompleted(0, null), Now).DedupeKey,
            TaskMessage.Create("i", "exec-2", new TaskCompleted(0, null), Now).DedupeKey);

    [Fact]
    public void DedupeKey_OfCommands_IsTheMessageId()
    {
        var terminate = TaskMessage.Create("i", null, new ExecutionTerminated("stop"), Now);
        var again = TaskMessage.Create("i", null, new ExecutionTerminated("stop"), Now);

        Assert.Equal($"msg:{terminate.Id}", terminate.DedupeKey);
        Assert.NotEqual(terminate.DedupeKey, again.DedupeKey);
    }
}
