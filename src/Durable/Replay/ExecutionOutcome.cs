namespace Durable.Replay;

/// <summary>How an execution ended, as decided by its code (or by a terminate command).</summary>
internal sealed record ExecutionOutcome(
    OrchestrationRuntimeStatus Status,
    string? Output,
    TaskFailureDetails? Failure,
    string? ContinueAsNewInput = null,
    IReadOnlyList<EventRaised>? CarriedOverEvents = null)
{
    public static ExecutionOutcome Completed(string? output) => new(OrchestrationRuntimeStatus.Completed, output, null);

    public static ExecutionOutcome Failed(TaskFailureDetails failure) => new(OrchestrationRuntimeStatus.Failed, null, failure);

    public static ExecutionOutcome Terminated(string? reason) => new(OrchestrationRuntimeStatus.Terminated, DurableJson.Serialize(reason), null);
}
