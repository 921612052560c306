using Deployments.Refusals;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Deployments.Api.Http;

/// <summary>
/// RFC 9457 problem details. The domain's refusals become problems here and nowhere else: 400 for malformed
/// input (each field with what is wrong), 403 for a resource outside the caller's namespace, 404 for unknown ids, 409 for what the current state refuses
/// (saying why), 422 for a request that names something unusable, 413 for more than a record holds.
/// </summary>
internal static class ProblemResults
{
    public static IResult From(RequestRefusedException refused) => refused.Refusal switch
    {
        Refusal.Invalid => FieldProblems(refused.Title, refused.Errors.Count > 0 ? refused.Errors : [new ValidationError(JsonErrors.BodyField, refused.Message)], refused.Field),
        Refusal.Forbidden => Problem(StatusCodes.Status403Forbidden, refused.Title, refused.Message),
        Refusal.NotFound => Problem(StatusCodes.Status404NotFound, refused.Title, refused.Message),
        Refusal.Conflict => Problem(StatusCodes.Status409Conflict, refused.Title, refused.Message),
        Refusal.Unprocessable => Problem(StatusCodes.Status422UnprocessableEntity, refused.Title, refused.Message, refused.Field),
        Refusal.TooLarge => Problem(StatusCodes.Status413PayloadTooLarge, refused.Title, refused.Message),
        _ => throw new ArgumentOutOfRangeException(nameof(refused), refused.Refusal, "A refusal with no status."),
    };

    /// <summary>A 400 listing each field with what is wrong; <c>field</c> names the one at fault when there is one.</summary>
    /// <remarks>
    /// A problem result, not the framework's validation result: that one writes its JSON itself, while this goes
    /// through the problem details service, whose writers answer a seed's endpoints in the seed's own format.
    /// </remarks>
    public static ProblemHttpResult FieldProblems(string title, IEnumerable<ValidationError> errors, string? field = null)
    {
        var problem = new HttpValidationProblemDetails(errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = title,
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        };
        if (field is not null)
        {
            problem.Extensions["field"] = field;
        }

        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult Problem(int status, string title, string detail, string? field = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (field is not null)
        {
            problem.Extensions["field"] = field;
        }

        return TypedResults.Problem(problem);
    }
}
