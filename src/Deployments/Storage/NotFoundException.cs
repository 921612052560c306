namespace Deployments.Storage;

/// <summary>An id that names nothing; the API answers 404 with the kind and the id.</summary>
public sealed class NotFoundException(string kind, string id) : Exception($"No {kind} with id '{id}' exists.")
{
    public string Kind { get; } = kind;

    public string Id { get; } = id;
}
