using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Deployments.Api.Seeds.Nomad;

/// <summary>
/// Nomad's errors: a plain-text line with the status code. Nomad's ACL answers a missing or unknown token as it
/// answers one without the capability, 403 "Permission denied", so a 401 becomes that too.
/// </summary>
internal sealed class NomadErrorFormat : SeedErrorFormat
{
    public const string PermissionDenied = "Permission denied";

    private const string UnknownPrefix = "Unknown ";

    public static NomadErrorFormat Instance { get; } = new();

    public override async Task WriteAsync(HttpContext http, ProblemDetails problem)
    {
        var status = problem.Status ?? http.Response.StatusCode;
        var text = status switch
        {
            StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden => PermissionDenied,
            // Nomad's words for an unknown id: "deployment not found".
            StatusCodes.Status404NotFound when problem.Title is { } title && title.StartsWith(UnknownPrefix, StringComparison.Ordinal) => $"{title[UnknownPrefix.Length..]} not found",
            _ => Describe(problem),
        };
        if (status == StatusCodes.Status401Unauthorized)
        {
            status = StatusCodes.Status403Forbidden;
            // A Nomad client has no scheme to answer a challenge with; its 403 carries none.
            http.Response.Headers.Remove(HeaderNames.WWWAuthenticate);
        }

        http.Response.StatusCode = status;
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync(text, Encoding.UTF8, http.RequestAborted);
    }
}
