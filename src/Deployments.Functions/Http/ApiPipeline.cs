using Deployments.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;

namespace Deployments.Functions.Http;

/// <summary>
/// The API's request pipeline as the self-host runs it (problem details, key authentication, capability
/// checks, routing to the one handler of each operation), built once for the worker. Each HTTP function
/// hands its request here; the function's own route, checked equal to the handler's by a test, only
/// decides which function the host invokes.
/// </summary>
public sealed class ApiPipeline
{
    private readonly RequestDelegate pipeline;

    /// <summary>Builds the pipeline over the worker's root services; each request brings its own scope.</summary>
    public ApiPipeline(IServiceProvider services)
    {
        var app = new ApplicationBuilder(services);
        app.UseRouting();
        app.UseControlPlaneApi();
        app.UseEndpoints(endpoints => endpoints.MapControlPlaneApi());
        pipeline = app.Build();
    }

    /// <summary>Runs the request through the API; the response is written by then, so the function returns an empty result.</summary>
    /// <remarks>
    /// The client is required of every HTTP function, not only of those whose operations start or signal work
    /// today: which operations reach Durable Functions is the API's business and changes with it, and a function
    /// without the binding would fail only when a request got that far. Required here, a new function cannot
    /// compile without one; binding it costs the host and the worker a cached client, not a connection.
    /// </remarks>
    public async Task<IActionResult> RunAsync(HttpRequest request, DurableTaskClient client)
    {
        // A parameter that lost its [DurableClient] gets nothing from the host: fail every request at once, not only those that reach Durable Functions.
        ArgumentNullException.ThrowIfNull(client);
        using (InvocationDurableTaskClient.Bind(client))
        {
            await pipeline(request.HttpContext);
        }

        return new EmptyResult();
    }
}
