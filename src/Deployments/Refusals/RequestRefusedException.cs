namespace Deployments.Refusals;

/// <summary>What kind of wrong a refusal is; the API turns each kind into one status code.</summary>
public enum Refusal
{
    /// <summary>Malformed or out of bounds; the field errors say where.</summary>
    Invalid,

    /// <summary>Outside what the caller may reach (another namespace than its token's).</summary>
    Forbidden,

    /// <summary>An id that names nothing.</summary>
    NotFound,

    /// <summary>Refused by the current state, or lost to a concurrent change.</summary>
    Conflict,

    /// <summary>Well-formed, but names something that cannot be used.</summary>
    Unprocessable,

    /// <summary>More than a record can hold.</summary>
    TooLarge,
}

/// <summary>
/// The root of every refusal the domain raises for what a caller sent or asked for. Nothing has been written
/// when one is thrown, so the caller can correct the request and send it again.
/// </summary>
public abstract class RequestRefusedException : Exception
{
    /// <summary>Creates a refusal of the given kind; <paramref name="field"/> names the input at fault, when one is.</summary>
    protected RequestRefusedException(Refusal refusal, string title, string message, string? field = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Refusal = refusal;
        Title = title;
        Field = field;
    }

    /// <summary>What kind of wrong this is, which decides the status code.</summary>
    public Refusal Refusal { get; }

    /// <summary>A short summary that reads the same for every refusal of this sort.</summary>
    public string Title { get; }

    /// <summary>The one field at fault, when there is one (snake_case path, as the API spells it).</summary>
    public string? Field { get; }

    /// <summary>Every field at fault with what is wrong with it; empty when the refusal is not about fields.</summary>
    public virtual IReadOnlyList<ValidationError> Errors => Field is null ? [] : [new ValidationError(Field, Message)];
}
