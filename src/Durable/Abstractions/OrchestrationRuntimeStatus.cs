namespace Durable;

/// <summary>The lifecycle states of an orchestration instance, named as in Durable Functions.</summary>
public enum OrchestrationRuntimeStatus
{
    Pending,
    Running,
    Completed,
    ContinuedAsNew,
    Failed,
    Terminated,
    Suspended,
}

public static class OrchestrationRuntimeStatusExtensions
{
    /// <summary>Terminal instances never change again unless restarted with a new execution.</summary>
    public static bool IsTerminal(this OrchestrationRuntimeStatus status) => status switch
    {
        OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated => true,
        _ => false,
    };
}
