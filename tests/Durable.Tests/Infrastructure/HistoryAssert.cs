using Durable.Replay;

namespace Durable.Tests.Infrastructure;

/// <summary>Checks on a history that hold for every correct execution, whatever the timing.</summary>
internal static class HistoryAssert
{
    /// <summary>
    /// No step was committed twice: one start, each task scheduled once and completed at most once,
    /// and every completion answers a task this execution scheduled.
    /// </summary>
    public static void EachStepCommittedOnce(IReadOnlyList<HistoryEvent> history)
    {
        Assert.Single(history.OfType<ExecutionStarted>());
        Assert.True(history.OfType<ExecutionCompleted>().Count() <= 1, "more than one ExecutionCompleted");
        var scheduled = history.Select(ScheduledId).OfType<int>().ToList();
        AssertDistinct(scheduled, "scheduled");
        var completed = history.Select(OrchestrationExecutor.CompletedTaskId).OfType<int>().ToList();
        AssertDistinct(completed, "completed");
        Assert.All(completed, id => Assert.Contains(id, scheduled));
    }

    private static int? ScheduledId(HistoryEvent historyEvent) => historyEvent switch
    {
        TaskScheduled e => e.TaskId,
        SubOrchestrationCreated e => e.TaskId,
        TimerCreated e => e.TaskId,
        EventSent e => e.TaskId,
        _ => null,
    };

    private static void AssertDistinct(List<int> ids, string what)
    {
        var repeated = ids.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(repeated.Count == 0, $"task ids {what} more than once: {string.Join(", ", repeated)}");
    }
}
