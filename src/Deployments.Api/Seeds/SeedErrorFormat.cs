using Microsoft.AspNetCore.Mvc;

namespace Deployments.Api.Seeds;

/// <summary>
/// Endpoint metadata: how a seed's operations write an error. Every error of the API is a problem document
/// first (handlers, the exception handler, authentication, status code pages); on a seed's endpoints
/// <see cref="SeedProblemWriter"/> hands it here, so the seed's clients read the body and status their document promises.
/// </summary>
internal abstract class SeedErrorFormat
{
    /// <summary>Writes <paramref name="problem"/> in the seed's error format; may change the response's status where the seed uses another.</summary>
    public abstract Task WriteAsync(HttpContext http, ProblemDetails problem);

    /// <summary>Each field with what is wrong with it, from a validation problem (empty for any other problem).</summary>
    protected static IEnumerable<(string Field, string Message)> FieldErrors(ProblemDetails problem) =>
        problem is HttpValidationProblemDetails validation
            ? validation.Errors.SelectMany(e => e.Value.Select(message => (e.Key, message)))
            : [];

    /// <summary>What the problem says in one line: its detail, else each field with its message, else its title.</summary>
    protected static string Describe(ProblemDetails problem) =>
        problem.Detail is { Length: > 0 } detail ? detail
        : FieldErrors(problem).ToList() is { Count: > 0 } fields ? string.Join("; ", fields.Select(f => $"{f.Field}: {f.Message}"))
        : problem.Title ?? ReasonPhrases(problem.Status);

    private static string ReasonPhrases(int? status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status ?? StatusCodes.Status500InternalServerError);
}
