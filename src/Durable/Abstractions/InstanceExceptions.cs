namespace Durable;

/// <summary>A start was refused because an instance with this id is already active.</summary>
public sealed class OrchestrationAlreadyExistsException : InvalidOperationException
{
    public OrchestrationAlreadyExistsException(string instanceId, OrchestrationRuntimeStatus status)
        : base($"An orchestration with instance id '{instanceId}' already exists and is {status}; it must end or be purged before the id is reused.")
    {
        InstanceId = instanceId;
        Status = status;
    }

    public OrchestrationAlreadyExistsException() : this("unknown", OrchestrationRuntimeStatus.Running) { }

    public OrchestrationAlreadyExistsException(string message) : base(message) => InstanceId = "unknown";

    public OrchestrationAlreadyExistsException(string message, Exception innerException) : base(message, innerException) => InstanceId = "unknown";

    public string InstanceId { get; }

    public OrchestrationRuntimeStatus Status { get; }
}

/// <summary>An operation named an instance that does not exist.</summary>
public sealed class OrchestrationNotFoundException : InvalidOperationException
{
    public OrchestrationNotFoundException(string instanceId)
        : base($"No orchestration instance with id '{instanceId}' exists.") => InstanceId = instanceId;

    public OrchestrationNotFoundException() : this("unknown") { }

    public OrchestrationNotFoundException(string message, Exception innerException) : base(message, innerException) => InstanceId = "unknown";

    public string InstanceId { get; }
}

/// <summary>
/// Replayed orchestrator code asked for a different action than its history recorded. Orchestrator
/// code must be deterministic; this names both actions so the offending change is easy to find.
/// </summary>
public sealed class NonDeterministicOrchestrationException : InvalidOperationException
{
    public NonDeterministicOrchestrationException(int taskId, string recorded, string requested)
        : base($"Non-deterministic orchestrator: history recorded {recorded} as task #{taskId}, but the code now asks for {requested}.")
    {
        TaskId = taskId;
    }

    public NonDeterministicOrchestrationException() : base("Non-deterministic orchestrator.") { }

    public NonDeterministicOrchestrationException(string message) : base(message) { }

    public NonDeterministicOrchestrationException(string message, Exception innerException) : base(message, innerException) { }

    public int TaskId { get; }
}
