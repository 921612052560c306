using Deployments.Refusals;
using Deployments.Service;
using Microsoft.AspNetCore.Http.Features;

namespace Deployments.Api.Http.Idempotency;

/// <summary>
/// Makes a POST with an <c>Idempotency-Key</c> safe to retry: the first request runs and its response
/// (status, body, Location) is stored before it is sent; a retry with the same key and the same request
/// gets that response again without running; the same key on a different request is refused with 422, and
/// a duplicate arriving while the first still runs with 409. An endpoint filter rather than middleware, so
/// it runs after authentication and authorization whatever order the pipeline is assembled in.
/// </summary>
internal sealed class IdempotencyFilter(IdempotencyStore store, TimeProvider time) : IEndpointFilter
{
    /// <summary>The claim the key authentication handler gives a scoped token's id.</summary>
    private const string TokenIdClaim = "token_id";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.Headers.TryGetValue(IdempotencyKey.Header, out var header))
        {
            return await next(context);
        }

        if (header.Count != 1 || !IdempotencyKey.TryRead(header[0], out var key))
        {
            return ProblemResults.Problem(StatusCodes.Status400BadRequest, "Invalid Idempotency-Key",
                $"Send one key of 1-{IdempotencyKey.MaxLength} printable characters.", IdempotencyKey.Header);
        }

        var scope = IdempotencyKey.Hash(Caller(http))[..32];
        var row = IdempotencyKey.Hash(key);
        var fingerprint = await IdempotencyKey.FingerprintAsync(http.Request, http.RequestAborted);
        var claim = await store.ClaimAsync(scope, row, fingerprint, http.RequestAborted);
        switch (claim.Outcome)
        {
            case ClaimOutcome.Replay:
                return claim.Response;
            case ClaimOutcome.Mismatch:
                return ProblemResults.Problem(StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused",
                    "This key was used for a different request; use a new key for a new request.", IdempotencyKey.Header);
            case ClaimOutcome.InProgress:
                return ProblemResults.Problem(StatusCodes.Status409Conflict, "Request in progress",
                    "A request with this Idempotency-Key is still running; retry once it has finished.", IdempotencyKey.Header);
        }

        StoredResponse response;
        var lease = new ClaimLease(store, scope, row, claim, time);
        await using (lease)
        {
            try
            {
                // What the request creates is named after its key, so a retry after this process dies finds it.
                using (RequestIds.Derive($"{scope}/{row}"))
                {
                    response = await ExecuteIntoBufferAsync(http, await AnswerOfAsync(next, context));
                }
            }
            catch
            {
                await store.ReleaseAsync(scope, row, await lease.EndAsync());
                throw;
            }

            claim = await lease.EndAsync();
        }

        // Server faults are not remembered: a retry should get another chance, not the same failure.
        if (response.Status >= StatusCodes.Status500InternalServerError)
        {
            await store.ReleaseAsync(scope, row, claim);
        }
        else
        {
            await store.CompleteAsync(scope, row, fingerprint, claim, response, CancellationToken.None);
        }

        await http.Response.Body.WriteAsync(response.Body, http.RequestAborted);
        return Results.Empty;
    }

    /// <summary>
    /// Whose keys these are: a token by its id (two tokens may share a name), otherwise the caller's name
    /// (the admin key, or "anonymous" where no authentication runs).
    /// </summary>
    private static string Caller(HttpContext http) =>
        http.User.FindFirst(TokenIdClaim)?.Value is { } tokenId ? $"token:{tokenId}" : $"name:{Actor.Of(http.User)}";

    /// <summary>Runs the endpoint's result against a buffer instead of the connection, so it can be stored before it is sent.</summary>
    /// <summary>A refusal is the endpoint's answer too: it is stored, so a retry hears the same refusal.</summary>
    private static async ValueTask<object?> AnswerOfAsync(EndpointFilterDelegate next, EndpointFilterInvocationContext context)
    {
        try
        {
            return await next(context);
        }
        catch (RequestRefusedException refused)
        {
            return ProblemResults.From(refused);
        }
    }

    private static async Task<StoredResponse> ExecuteIntoBufferAsync(HttpContext http, object? outcome)
    {
        var result = outcome as IResult ?? TypedResults.Ok(outcome);
        var connection = http.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        using var buffer = new MemoryStream();
        http.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(buffer));
        try
        {
            await result.ExecuteAsync(http);
        }
        finally
        {
            http.Features.Set(connection);
        }

        return new StoredResponse(http.Response.StatusCode, http.Response.ContentType, http.Response.Headers.Location.FirstOrDefault(), buffer.ToArray());
    }
}
