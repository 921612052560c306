namespace Durable;

/// <summary>
/// What is kept of an exception once it has crossed a process boundary: the exception object itself
/// cannot be persisted, so retry filters and callers inspect its type name and message instead.
/// </summary>
public sealed record TaskFailureDetails(string ErrorType, string ErrorMessage, string? StackTrace = null, TaskFailureDetails? InnerFailure = null)
{
    public static TaskFailureDetails FromException(Exception exception) => new(
        exception.GetType().FullName ?? exception.GetType().Name,
        exception.Message,
        exception.StackTrace,
        CauseOf(exception));

    /// <summary>
    /// A failed activity or sub-orchestration reaches the orchestrator as details, not as an inner exception;
    /// keeping those details as the inner failure is what tells a caller which exception really failed it.
    /// </summary>
    private static TaskFailureDetails? CauseOf(Exception exception) => exception switch
    {
        TaskFailedException task => task.FailureDetails,
        SubOrchestrationFailedException sub => sub.FailureDetails,
        { InnerException: { } inner } => FromException(inner),
        _ => null,
    };

    /// <summary>True when the failure was caused by <typeparamref name="T"/> or a type derived from it.</summary>
    public bool IsCausedBy<T>() where T : Exception
    {
        var type = Type.GetType(ErrorType, throwOnError: false) ?? FindLoadedType(ErrorType);
        return type is not null && typeof(T).IsAssignableFrom(type);
    }

    private static Type? FindLoadedType(string fullName) =>
        AppDomain.CurrentDomain.GetAssemblies()
            .Select(assembly => assembly.GetType(fullName, throwOnError: false))
            .FirstOrDefault(type => type is not null);

    public override string ToString() => $"{ErrorType}: {ErrorMessage}";
}
