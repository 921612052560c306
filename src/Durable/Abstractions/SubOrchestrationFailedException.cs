namespace Durable;

/// <summary>Thrown inside an orchestrator when a sub-orchestration it awaited failed.</summary>
public sealed class SubOrchestrationFailedException : Exception
{
    public SubOrchestrationFailedException(string name, string instanceId, TaskFailureDetails failureDetails)
        : base($"Sub-orchestration '{name}' ({instanceId}) failed: {failureDetails.ErrorMessage}")
    {
        Name = name;
        InstanceId = instanceId;
        FailureDetails = failureDetails;
    }

    public SubOrchestrationFailedException() : this("unknown", "unknown", new TaskFailureDetails("unknown", "unknown")) { }

    public SubOrchestrationFailedException(string message) : this("unknown", "unknown", new TaskFailureDetails("unknown", message)) { }

    public SubOrchestrationFailedException(string message, Exception innerException) : base(message, innerException)
    {
        Name = "unknown";
        InstanceId = "unknown";
        FailureDetails = TaskFailureDetails.FromException(innerException);
    }

    public string Name { get; }

    public string InstanceId { get; }

    public TaskFailureDetails FailureDetails { get; }
}
