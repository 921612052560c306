namespace Deployments.Refusals;

/// <summary>A rejected input, naming the field (snake_case path, as the API spells it) and why.</summary>
public sealed record ValidationError(string Field, string Message);

/// <summary>Thrown by the service when a request is invalid; nothing has been written.</summary>
public sealed class ValidationException : RequestRefusedException
{
    public const string DefaultTitle = "The request is invalid.";

    private readonly IReadOnlyList<ValidationError> errors;

    public ValidationException(IReadOnlyList<ValidationError> errors)
        : base(Refusal.Invalid, DefaultTitle, "The request is invalid: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}"))) =>
        this.errors = errors;

    public ValidationException() : this([]) { }

    public ValidationException(string message) : base(Refusal.Invalid, DefaultTitle, message) => errors = [];

    public ValidationException(string message, Exception innerException) : base(Refusal.Invalid, DefaultTitle, message, innerException: innerException) => errors = [];

    public override IReadOnlyList<ValidationError> Errors => errors;
}
