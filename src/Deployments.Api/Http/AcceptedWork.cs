namespace Deployments.Api.Http;

/// <summary>
/// A 202 for work that goes on after the answer (a deployment running, an approval awaited): its
/// <c>Location</c> is where to follow it and <c>Retry-After</c> how soon a look there is worth it.
/// </summary>
internal static class AcceptedWork
{
    public const int RetryAfterSeconds = 2;

    public static IResult At<T>(string? location, T value) => new Result<T>(location, value);

    private sealed class Result<T>(string? location, T value) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            if (location is not null)
            {
                httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return TypedResults.Accepted(location, value).ExecuteAsync(httpContext);
        }
    }
}
