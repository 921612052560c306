namespace Deployments.Api.Http.Idempotency;

/// <summary>Endpoint metadata saying the endpoint's POSTs honour <c>Idempotency-Key</c> (for the OpenAPI document).</summary>
internal sealed class IdempotentPosts
{
    public static readonly IdempotentPosts Instance = new();

    private IdempotentPosts()
    {
    }
}
