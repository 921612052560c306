namespace Deployments.Rules;

/// <summary>A rejected input, naming the field (snake_case path, as the API spells it) and why.</summary>
public sealed record ValidationError(string Field, string Message);

/// <summary>Thrown by the service when a request is invalid; nothing has been written.</summary>
public sealed class ValidationException : Exception
{
    public ValidationException(IReadOnlyList<ValidationError> errors)
        : base("The request is invalid: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}"))) => Errors = errors;

    public ValidationException() : this([]) { }

    public ValidationException(string message) : base(message) => Errors = [];

    public ValidationException(string message, Exception innerException) : base(message, innerException) => Errors = [];

    public IReadOnlyList<ValidationError> Errors { get; }
}
