using System.Diagnostics;
using Azure.Core.Serialization;
using Deployments.Api;
using Deployments.Api.Auth;
using Deployments.Api.Http.RateLimits;
using Deployments.Drivers;
using Deployments.Functions.Http;
using Deployments.Orchestrations;
using Deployments.Platform;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Deployments.Functions;

internal static class FunctionsAppServices
{
    /// <summary>What a cluster, app or deployment naming the process driver is told under the Functions host.</summary>
    public const string ProcessDriverRefusal =
        "The process driver does not run under Azure Functions: it starts allocations as child processes of the host, "
        + "and the platform stops those whenever it scales an instance in. Use a cluster with the webhook driver here, "
        + "or run the self-hosted control plane for process clusters.";

    /// <summary>
    /// The worker's services: the deployment domain, the API with the pipeline the HTTP functions run, and a
    /// <see cref="DurableTaskClient"/> that forwards to the client Durable Functions binds to each invocation.
    /// </summary>
    public static IServiceCollection AddFunctionsApp(this IServiceCollection services, IConfiguration configuration)
    {
        var hub = HostJsonConfiguration.HubName(configuration);
        // Orchestration inputs, outputs and events are stored as the self-host stores them.
        services.Configure<WorkerOptions>(options => options.Serializer = new JsonObjectSerializer(WorkflowJson.Options));
        services.AddStorageAccount(configuration);
        services.AddSingleton<DurableTaskClient, InvocationDurableTaskClient>();
        services.AddDeployments(tablePrefix: hub).WithoutProcessDriver(ProcessDriverRefusal);
        // Every request reaches the worker through the Functions host, so the worker sees one address for every caller:
        // limits per address would let one caller's failures lock everyone out. Off unless RateLimits__* says otherwise
        // (configuration, bound after this, wins); limit in front of the app instead (docs/auth.md "Rate limits").
        services.Configure<RateLimitOptions>(options =>
        {
            options.FailedAuthentication.PermitLimit = 0;
            options.Webhooks.PermitLimit = 0;
        });
        services.AddControlPlaneApi(tablePrefix: hub, AdminKeyDisplay.NotShown);
        // The API pipeline runs outside a WebApplication here; routing needs these, which a web host would add.
        services.AddRouting();
        services.TryAddSingleton(new DiagnosticListener("Deployments.Functions"));
        services.TryAddSingleton<DiagnosticSource>(provider => provider.GetRequiredService<DiagnosticListener>());
        services.AddSingleton<ApiPipeline>();
        return services;
    }
}
