namespace Deployments.Refusals;

/// <summary>An id that names nothing, saying what kind of thing was looked for.</summary>
public sealed class NotFoundException(string kind, string id)
    : RequestRefusedException(Refusal.NotFound, $"Unknown {kind}", $"No {kind} with id '{id}' exists.")
{
    /// <summary>What kind of thing was looked for ("app", "deployment", ...).</summary>
    public string Kind { get; } = kind;

    /// <summary>The id that named nothing.</summary>
    public string Id { get; } = id;
}
