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
            await http.Response.WriteAsJsonAsync(new HTTPValidationError(errors.Select(e => PydanticError.Of(http, body, MengiField(e.Field), e.Message)).ToList()));
            return;
        }

        await http.Response.WriteAsJsonAsync(new HTTPError(Message(problem)));
    }

    /// <summary>
    /// The domain checks the promoted revision in this API's own field names; a Mengi client sent Mengi's
    /// (<c>overrides.container_port</c>, not <c>overrides.resources.port</c>), so the error names what it sent.
    /// </summary>
    private static string MengiField(string field)
    {
        foreach (var (ours, mengi) in OurOverrideFields)
        {
            if (field == ours || field.StartsWith(ours + ".", StringComparison.Ordinal) || field.StartsWith(ours + "[", StringComparison.Ordinal))
            {
                return mengi;
            }
        }

        return field;
    }

    private static readonly (string Ours, string Mengi)[] OurOverrideFields =
    [
        ("overrides.resources.port", "overrides.container_port"),
        ("overrides.resources.cpu", "overrides.cpu_request"),
        ("overrides.resources.memory_mb", "overrides.memory_request_mb"),
        ("overrides.resources.storage_mb", "overrides.storage_size_gb"),
        ("overrides.resources.volumes", "overrides.volumes"),
        ("overrides.resources", "overrides"),
        ("overrides.environment", "overrides.environment_variables"),
        ("overrides.artifact", "overrides.docker_image"),
    ];

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
