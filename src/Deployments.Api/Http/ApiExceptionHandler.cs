using System.Text.Json;
using Deployments.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Deployments.Api.Http;

/// <summary>
/// The last word on failures outside an endpoint's own <see cref="ProblemResults.Guard"/>: body and
/// parameter binding, size limits, and domain refusals raised while binding. Each becomes the problem
/// document the endpoint would have answered; only a genuine fault is left to become a 500.
/// </summary>
internal sealed class ApiExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        IResult? result = exception switch
        {
            BadHttpRequestException bad => FromBadRequest(bad),
            JsonException json => FieldProblem(JsonErrors.From(json)),
            DocumentTooLargeException tooLarge => ProblemResults.Problem(StatusCodes.Status413PayloadTooLarge, "Too large to store", tooLarge.Message),
            _ => await DomainProblemAsync(exception),
        };
        if (result is null)
        {
            return false;
        }

        await result.ExecuteAsync(httpContext);
        return true;
    }

    private static IResult FromBadRequest(BadHttpRequestException bad) => bad switch
    {
        { StatusCode: StatusCodes.Status413PayloadTooLarge } => ProblemResults.Problem(bad.StatusCode, "Request body too large", $"A request body may be at most {RequestLimits.MaxBodyBytes} bytes."),
        { StatusCode: StatusCodes.Status415UnsupportedMediaType } => ProblemResults.Problem(bad.StatusCode, "Unsupported media type", "Send the body as application/json."),
        { InnerException: JsonException json } => FieldProblem(JsonErrors.From(json)),
        _ when BindingFailures.ToFieldError(bad) is { } field => FieldProblem(field),
        _ => ProblemResults.Problem(bad.StatusCode, "Bad request", bad.Message),
    };

    private static ValidationProblem FieldProblem(Deployments.Rules.ValidationError error) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [error.Field] = [error.Message] }, title: "The request is invalid.");

    /// <summary>Domain refusals map exactly as inside an endpoint: the same Guard decides, so the two cannot drift apart.</summary>
    private static async Task<IResult?> DomainProblemAsync(Exception exception)
    {
        try
        {
            return await ProblemResults.Guard(() => Task.FromException<IResult>(exception));
        }
        catch (Exception unmapped) when (ReferenceEquals(unmapped, exception))
        {
            return null;
        }
    }
}
