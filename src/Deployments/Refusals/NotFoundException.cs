namespace Deployments.Refusals;

/// <summary>An id that names nothing, saying what kind of thing was looked for.</summary>
public sealed class NotFoundException(string kind, string id)
    : RequestRefusedException(Refusal.NotFound, $"Unknown {kind}", $"No {kind} with id '{id}' exists.")
{
    public string Kind { get; } = kind;

    public string Id { get; } = id;
}
