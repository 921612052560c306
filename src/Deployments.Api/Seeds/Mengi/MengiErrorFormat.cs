using System.Text.RegularExpressions;
using Deployments.Api.Seeds.Mengi.FastApi;
using Microsoft.AspNetCore.Mvc;

namespace Deployments.Api.Seeds.Mengi;

/// <summary>
/// Errors as FastAPI writes them: a validation problem becomes a 422 <c>{"detail": [{"loc", "msg", "type"}]}</c> in
/// pydantic v2's words, with our field paths (<c>overrides.environment_variables[0].name</c>) as loc arrays
/// (<c>["body", "overrides", "environment_variables", 0, "name"]</c>); any 422 the domain refuses with a field is
/// that shape too, as Mengi documents only <c>HTTPValidationError</c> for it; every other problem is
/// <c>{"detail": "..."}</c> with its status.
/// </summary>
internal sealed partial class MengiErrorFormat : SeedErrorFormat
{
    public override async Task WriteAsync(HttpContext http, ProblemDetails problem)
    {
        var errors = FieldErrors(problem).ToList();
        if (errors.Count == 0 && problem.Status == StatusCodes.Status422UnprocessableEntity && problem.Extensions.TryGetValue("field", out var field) && field is string name)
        {
            errors.Add((name, problem.Detail ?? Describe(problem)));
        }

        if (errors.Count > 0)
        {
            var body = await MengiRequestBody.ReadAsync(http);
            http.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            await http.Response.WriteAsJsonAsync(new HTTPValidationError(errors.Select(e => PydanticError.Of(http, body, e.Field, e.Message)).ToList()));
            return;
        }

        await http.Response.WriteAsJsonAsync(new HTTPError(Message(problem)));
    }

    /// <summary>FastAPI's words where it has its own (a missing key, an unknown id), else what the problem says.</summary>
    private static string Message(ProblemDetails problem) => problem.Status switch
    {
        StatusCodes.Status401Unauthorized => "Not authenticated",
        StatusCodes.Status404NotFound when problem.Title is { } title && UnknownKind().Match(title) is { Success: true } unknown =>
            $"{char.ToUpperInvariant(unknown.Groups["kind"].Value[0])}{unknown.Groups["kind"].Value[1..]} not found",
        _ => Describe(problem),
    };

    [GeneratedRegex("^Unknown (?<kind>.+)$")]
    private static partial Regex UnknownKind();
}
