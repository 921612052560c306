namespace Deployments.Api.Http.Idempotency;

/// <summary>The first response to a keyed request, as replayed to its retries: status, body and the headers that matter.</summary>
internal sealed record StoredResponse(int Status, string? ContentType, string? Location, byte[] Body) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = Status;
        response.ContentType = ContentType;
        if (Location is not null)
        {
            response.Headers.Location = Location;
        }

        response.Headers[IdempotencyKey.ReplayedHeader] = "true";
        response.ContentLength = Body.Length;
        await response.Body.WriteAsync(Body, httpContext.RequestAborted);
    }
}

internal enum ClaimOutcome
{
    /// <summary>This request owns the key and runs; its response is stored afterwards.</summary>
    Claimed,

    /// <summary>The key's request completed: answer with its response.</summary>
    Replay,

    /// <summary>The key was used for a different request.</summary>
    Mismatch,

    /// <summary>The key's first request is still running.</summary>
    InProgress,
}

internal sealed record IdempotencyClaim(ClaimOutcome Outcome, Azure.ETag ETag = default, StoredResponse? Response = null);
