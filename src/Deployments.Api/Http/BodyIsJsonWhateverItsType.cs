namespace Deployments.Api.Http;

/// <summary>
/// Endpoint metadata: the body is read as JSON whatever content type it arrives with. For the seed APIs whose
/// own documents send JSON with <c>curl --data</c> and no content type (Nomad, Baseten), which curl labels
/// <c>application/x-www-form-urlencoded</c>; their servers read it as JSON all the same.
/// </summary>
internal sealed class BodyIsJsonWhateverItsType
{
    public static readonly BodyIsJsonWhateverItsType Instance = new();

    private BodyIsJsonWhateverItsType()
    {
    }
}
