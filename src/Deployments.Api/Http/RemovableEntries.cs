namespace Deployments.Api.Http;

/// <summary>
/// A map in a PATCH body where a null value is a request, not a mistake: it removes the key (Cloud Foundry's
/// metadata update). Every other map refuses null values (<see cref="JsonShapeCheck"/>).
/// </summary>
internal sealed class RemovableEntries : Dictionary<string, string?>
{
    public RemovableEntries()
        : base(StringComparer.Ordinal)
    {
    }
}
