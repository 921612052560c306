namespace Deployments.Refusals;

/// <summary>A rejected input, naming the field (snake_case path, as the API spells it) and why.</summary>
public sealed record ValidationError(string Field, string Message);

/// <summary>Thrown by the service when a request is invalid; nothing has been written.</summary>
public sealed class ValidationException : RequestRefusedException
{
    /// <summary>Title of every validation refusal.</summary>
    public const string DefaultTitle = "The request is invalid.";

    private readonly IReadOnlyList<ValidationError> errors;

    /// <summary>A refusal listing every rejected field.</summary>
    public ValidationException(IReadOnlyList<ValidationError> errors)
        : base(Refusal.Invalid, DefaultTitle, "The request is invalid: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}"))) =>
        this.errors = errors;

    /// <summary>A refusal with no field errors.</summary>
    public ValidationException() : this([]) { }

    /// <summary>A refusal with a message and no field errors.</summary>
    public ValidationException(string message) : base(Refusal.Invalid, DefaultTitle, message) => errors = [];

    /// <summary>A refusal with a message, caused by another exception.</summary>
    public ValidationException(string message, Exception innerException) : base(Refusal.Invalid, DefaultTitle, message, innerException: innerException) => errors = [];

    /// <summary>The rejected fields and why; empty when the refusal names none.</summary>
    public override IReadOnlyList<ValidationError> Errors => errors;
}
