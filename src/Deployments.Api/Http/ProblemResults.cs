using Deployments.Rules;
using Deployments.Service;
using Deployments.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Deployments.Api.Http;

/// <summary>
/// Maps the domain's refusals to RFC 9457 problem details: 400 for malformed input, 404 for unknown ids,
/// 409 for a command the current state refuses (saying why), 422 for a request that cannot be used.
/// </summary>
internal static class ProblemResults
{
    public static async Task<IResult> Guard(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (ValidationException invalid)
        {
            return TypedResults.ValidationProblem(
                invalid.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                title: "The request is invalid.");
        }
        catch (NotFoundException missing)
        {
            return Problem(StatusCodes.Status404NotFound, $"Unknown {missing.Kind}", missing.Message);
        }
        catch (CommandRefusedException refused)
        {
            return Problem(StatusCodes.Status409Conflict, "The current state refuses this command", refused.Message);
        }
        catch (UnprocessableException unusable)
        {
            return Problem(StatusCodes.Status422UnprocessableEntity, "The request cannot be used", unusable.Message, unusable.Field);
        }
        catch (DocumentConflictException conflict)
        {
            return Problem(StatusCodes.Status409Conflict, "Concurrent change", conflict.Message);
        }
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
