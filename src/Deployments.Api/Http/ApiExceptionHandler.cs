using System.Text.Json;
using Deployments.Refusals;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Deployments.Api.Http;

/// <summary>
/// The last word on failures an endpoint did not answer itself: body and parameter binding, size limits, and
/// the domain's refusals (<see cref="ProblemResults.From"/> maps those), and storage that does not answer (a 503
/// the client may retry). Only a genuine fault is left to become a 500.
/// </summary>
internal sealed class ApiExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        IResult? result = exception switch
        {
            BadHttpRequestException bad => FromBadRequest(bad),
            JsonException json => FieldProblem(JsonErrors.From(json)),
            RequestRefusedException refused => ProblemResults.From(refused),
            _ when StorageUnavailable.Caused(exception) => StorageUnavailable.Answer(httpContext.Response),
            _ => null,
        };
        if (result is null)
        {
            return false;
        }

        await result.ExecuteAsync(httpContext);
        return true;
    }

    private static ProblemHttpResult FromBadRequest(BadHttpRequestException bad) => bad switch
    {
        { StatusCode: StatusCodes.Status413PayloadTooLarge } => ProblemResults.Problem(bad.StatusCode, "Request body too large", $"A request body may be at most {RequestLimits.MaxBodyBytes} bytes."),
        { StatusCode: StatusCodes.Status415UnsupportedMediaType } => ProblemResults.Problem(bad.StatusCode, "Unsupported media type", "Send the body as application/json."),
        { InnerException: JsonException json } => FieldProblem(JsonErrors.From(json)),
        _ when BindingFailures.ToFieldError(bad) is { } field => FieldProblem(field),
        _ => ProblemResults.Problem(bad.StatusCode, "Bad request", bad.Message),
    };

    private static ProblemHttpResult FieldProblem(ValidationError error) => ProblemResults.FieldProblems(ValidationException.DefaultTitle, [error]);
}
