using System.Net;
using System.Text.Json;
using Deployments.Functions.Hosting;
using Durable;

namespace Deployments.Functions.Runtime;

/// <summary>
/// The handler side of the queue-triggered functions: <c>POST /{FunctionName}</c> with the custom-handler
/// payload hands the message to <see cref="DurableTaskEngine.ProcessQueueMessageAsync"/>. 200 tells the host
/// to delete the message; 500 makes it retry (the engine's own poison limit moves a hopeless message aside
/// before the host's would). Mapped only under the Functions host, and only for loopback callers: the host
/// runs beside the handler, and nobody else may inject engine messages.
/// </summary>
internal static class QueueTriggerFunctions
{
    /// <summary>Set by the Functions host for its custom handler, so it also marks that mode in configuration.</summary>
    public const string CustomHandlerPortSetting = "FUNCTIONS_CUSTOMHANDLER_PORT";

    public static bool Enabled(IConfiguration configuration) => !string.IsNullOrEmpty(configuration[CustomHandlerPortSetting]);

    public static IEndpointRouteBuilder MapQueueTriggerFunctions(this IEndpointRouteBuilder app, DurableTaskEngine engine)
    {
        foreach (var (function, queue) in QueueFunctionNames.For(engine))
        {
            app.MapPost($"/{function}", (HttpContext http, DurableTaskEngine engine, ILoggerFactory loggers) => InvokeAsync(http, function, queue, engine, loggers))
                .WithMetadata(new QueueTriggerMetadata(function, queue))
                .ExcludeFromDescription()
                .AllowAnonymous();
        }

        return app;
    }

    private static async Task<IResult> InvokeAsync(HttpContext http, string function, string queue, DurableTaskEngine engine, ILoggerFactory loggers)
    {
        if (http.Connection.RemoteIpAddress is not { } caller || !IPAddress.IsLoopback(caller))
        {
            return ProblemResults.Problem(StatusCodes.Status403Forbidden, "Not the Functions host", "Queue functions are invoked by the Functions host on loopback only.");
        }

        QueueInvocation invocation;
        try
        {
            using var payload = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            invocation = QueueInvocation.Parse(payload.RootElement);
        }
        catch (Exception malformed) when (malformed is JsonException or FormatException)
        {
            return Answer(StatusCodes.Status400BadRequest, $"{function}: malformed invocation: {malformed.Message}");
        }

        try
        {
            await engine.ProcessQueueMessageAsync(queue, invocation.MessageId, invocation.MessageText, invocation.DequeueCount, invocation.InsertedOn, http.RequestAborted);
            return Answer(StatusCodes.Status200OK, $"{function}: processed message {invocation.MessageId} (dequeue count {invocation.DequeueCount}).");
        }
        catch (Exception failed) when (!http.RequestAborted.IsCancellationRequested)
        {
            loggers.CreateLogger(typeof(QueueTriggerFunctions)).LogWarning(failed, "{Function} failed on message {MessageId}; the host will retry it", function, invocation.MessageId);
            return Answer(StatusCodes.Status500InternalServerError, $"{function}: message {invocation.MessageId} failed and will be retried: {failed.GetType().Name}: {failed.Message}");
        }
    }

    private static Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<InvocationResponse> Answer(int status, string log) =>
        TypedResults.Json(InvocationResponse.WithLogs(log), JsonSerializerOptions.Default, statusCode: status);
}

/// <summary>Marks the endpoint of a queue-triggered function, which has a queue trigger rather than an HTTP one.</summary>
internal sealed record QueueTriggerMetadata(string FunctionName, string QueueName);
