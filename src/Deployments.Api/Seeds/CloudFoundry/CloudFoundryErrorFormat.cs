using Deployments.Api.Http;
using Microsoft.AspNetCore.Mvc;

namespace Deployments.Api.Seeds.CloudFoundry;

/// <summary>
/// Cloud Foundry's error body, <c>{"errors": [{"code", "title", "detail"}]}</c>, one entry per field problem, with
/// its codes and statuses: an invalid body or a state that refuses the action is a 422 (CF-UnprocessableEntity),
/// malformed JSON a 400 (CF-MessageParseError), a bad list filter a 400 (CF-BadQueryParameter).
/// </summary>
internal sealed class CloudFoundryErrorFormat : SeedErrorFormat
{
    public static readonly CloudFoundryErrorFormat Instance = new();

    private static readonly string[] Unparsable = ["is not valid JSON", "is not valid UTF-8", "must be a JSON object", "a JSON object is required"];

    public override Task WriteAsync(HttpContext http, ProblemDetails problem)
    {
        var (status, errors) = Translate(http, problem);
        http.Response.StatusCode = status;
        return http.Response.WriteAsJsonAsync(new CloudFoundryErrors(errors), http.RequestAborted);
    }

    private static (int Status, IReadOnlyList<CloudFoundryError> Errors) Translate(HttpContext http, ProblemDetails problem)
    {
        var fields = FieldErrors(problem).ToList();
        return problem.Status switch
        {
            StatusCodes.Status400BadRequest when HttpMethods.IsGet(http.Request.Method) =>
                (400, Each(fields, problem, 10005, "CF-BadQueryParameter", (field, message) => $"The query parameter is invalid: {field} {message}")),
            StatusCodes.Status400BadRequest when fields.Any(f => f.Field == JsonErrors.BodyField && Unparsable.Any(f.Message.StartsWith)) =>
                (400, [new(1001, "CF-MessageParseError", $"Request invalid due to parse error: {Describe(problem)}")]),
            // Cloud Foundry's document has no 415: a body it cannot read as JSON is a parse error.
            StatusCodes.Status415UnsupportedMediaType => (400, [new(1001, "CF-MessageParseError", "Request invalid due to parse error: send the body as application/json")]),
            StatusCodes.Status400BadRequest or StatusCodes.Status409Conflict or StatusCodes.Status422UnprocessableEntity =>
                (422, Each(fields, problem, 10008, "CF-UnprocessableEntity", (field, message) => $"{field} {message}")),
            StatusCodes.Status401Unauthorized => (401, [new(10002, "CF-NotAuthenticated", "Authentication error")]),
            StatusCodes.Status403Forbidden => (403, [new(10003, "CF-NotAuthorized", "You are not authorized to perform the requested action")]),
            StatusCodes.Status404NotFound => (404, [new(10010, "CF-ResourceNotFound", NotFound(problem))]),
            StatusCodes.Status413PayloadTooLarge => (413, [new(10008, "CF-UnprocessableEntity", Describe(problem))]),
            StatusCodes.Status429TooManyRequests => (429, [new(10013, "CF-RateLimitExceeded", "Rate Limit Exceeded")]),
            StatusCodes.Status503ServiceUnavailable => (503, [new(10015, "CF-ServiceUnavailable", Describe(problem))]),
            var other => (other ?? 500, [new(10001, "CF-UnknownError", Describe(problem))]),
        };
    }

    /// <summary>One entry per field problem; one with the problem's own detail when it names no field.</summary>
    private static List<CloudFoundryError> Each(List<(string Field, string Message)> fields, ProblemDetails problem, int code, string title, Func<string, string, string> detail) =>
        fields.Count > 0 ? [.. fields.Select(f => new CloudFoundryError(code, title, detail(f.Field, f.Message)))] : [new CloudFoundryError(code, title, Describe(problem))];

    /// <summary>Cloud Foundry's wording: "Deployment not found", "App not found" (the problem's title is "Unknown deployment").</summary>
    private static string NotFound(ProblemDetails problem) =>
        problem.Title is { } title && title.StartsWith("Unknown ", StringComparison.Ordinal)
            ? $"{char.ToUpperInvariant(title["Unknown ".Length])}{title[("Unknown ".Length + 1)..]} not found"
            : "Unknown request";
}

/// <summary>Cloud Foundry's error body.</summary>
internal sealed record CloudFoundryErrors(IReadOnlyList<CloudFoundryError> Errors);

/// <summary>One error: Cloud Foundry's numeric code, its CF-… name, and what went wrong.</summary>
internal sealed record CloudFoundryError(int Code, string Title, string Detail);
