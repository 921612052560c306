namespace Durable.Replay;

/// <summary>Something orchestrator code asked for; recorded in history once and matched on every replay.</summary>
internal abstract record OrchestratorAction(int Id)
{
    public abstract HistoryEvent ToHistoryEvent(DateTime now);

    public abstract bool Matches(HistoryEvent recorded);

    public abstract string Describe();

    public static string DescribeRecorded(HistoryEvent recorded) => recorded switch
    {
        TaskScheduled e => $"ScheduleTask '{e.Name}'",
        SubOrchestrationCreated e => $"CallSubOrchestrator '{e.Name}'",
        TimerCreated => "CreateTimer",
        EventSent e => $"SendEvent '{e.Name}' to '{e.InstanceId}'",
        _ => recorded.GetType().Name,
    };
}

internal sealed record ScheduleTaskAction(int Id, string Name, string? Input) : OrchestratorAction(Id)
{
    public override HistoryEvent ToHistoryEvent(DateTime now) => new TaskScheduled(Id, Name, Input) { Timestamp = now };

    public override bool Matches(HistoryEvent recorded) => recorded is TaskScheduled e && e.TaskId == Id && e.Name == Name;

    public override string Describe() => $"ScheduleTask '{Name}'";
}

internal sealed record CreateSubOrchestrationAction(int Id, string Name, string InstanceId, string? Input) : OrchestratorAction(Id)
{
    public override HistoryEvent ToHistoryEvent(DateTime now) => new SubOrchestrationCreated(Id, Name, InstanceId, Input) { Timestamp = now };

    public override bool Matches(HistoryEvent recorded) => recorded is SubOrchestrationCreated e && e.TaskId == Id && e.Name == Name;

    public override string Describe() => $"CallSubOrchestrator '{Name}'";
}

internal sealed record CreateTimerAction(int Id, DateTime FireAt) : OrchestratorAction(Id)
{
    public override HistoryEvent ToHistoryEvent(DateTime now) => new TimerCreated(Id, FireAt) { Timestamp = now };

    public override bool Matches(HistoryEvent recorded) => recorded is TimerCreated e && e.TaskId == Id;

    public override string Describe() => "CreateTimer";
}

internal sealed record SendEventAction(int Id, string InstanceId, string Name, string? Input) : OrchestratorAction(Id)
{
    public override HistoryEvent ToHistoryEvent(DateTime now) => new EventSent(Id, InstanceId, Name, Input) { Timestamp = now };

    public override bool Matches(HistoryEvent recorded) => recorded is EventSent e && e.TaskId == Id && e.Name == Name;

    public override string Describe() => $"SendEvent '{Name}' to '{InstanceId}'";
}
