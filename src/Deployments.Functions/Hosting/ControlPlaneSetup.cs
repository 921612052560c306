using DevStorage;
using Deployments.Functions.Apis;
using Deployments.Functions.Auth;
using Deployments.Functions.Hooks;
using Deployments.Functions.QuickStart;
using Deployments.Functions.Runtime;
using Deployments.Engine;
using Deployments.Orchestrations;
using Scalar.AspNetCore;

namespace Deployments.Functions.Hosting;

/// <summary>Everything the app registers and maps, in one place, so Program.cs stays a few lines.</summary>
internal static class ControlPlaneSetup
{
    /// <summary>
    /// Registers storage (starting Azurite first when the setting is development storage and nothing
    /// listens), the Durable Task engine with its in-process worker, the deployment services and the HTTP
    /// concerns. The returned lease owns an Azurite it started.
    /// </summary>
    public static async Task<DevelopmentStorageLease?> AddControlPlaneAsync(this WebApplicationBuilder builder)
    {
        // Identity-based storage (AzureWebJobsStorage__accountName ...) is used as configured; a connection
        // string that names development storage gets Azurite started when nothing listens.
        DevelopmentStorageLease? lease = null;
        var identityBased = builder.Configuration.GetSection("AzureWebJobsStorage").GetChildren().Any();
        if (!identityBased)
        {
            var connection = builder.Configuration["AzureWebJobsStorage"] ?? DevelopmentStorage.ShorthandConnectionString;
            lease = await DevelopmentStorage.EnsureRunningAsync(connection, Path.Combine(builder.Environment.ContentRootPath, ".azurite"), null, CancellationToken.None);
            builder.Configuration["AzureWebJobsStorage"] = lease.ConnectionString;
        }

        if (FunctionsSettings.CustomHandlerPort is { } port)
        {
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        }

        var hub = builder.Configuration[$"{DurableTaskEngineOptions.HostJsonSection}:hubName"] ?? "ControlPlane";
        // The framework reports every idle poll and lease renewal at Information; its warnings are what matter.
        builder.Logging.AddFilter("DurableTask", LogLevel.Warning);
        builder.Services.AddDurableTaskEngine(builder.Configuration, DeploymentTasks.Register, WorkflowJson.Options, options => options.HubName = hub);
        builder.Services.AddDeployments(tablePrefix: hub);
        builder.Services.AddControlPlaneApi(tablePrefix: hub);
        builder.Services.ConfigureHttpJsonOptions(options => ApiJson.Configure(options.SerializerOptions));
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", tags: ["ready"]);
        builder.Services.AddSingleton<ControlPlaneTables>();
        builder.Services.AddControlPlaneAuth();
        builder.Services.AddWebhooks();
        builder.Services.AddQuickStart(builder.Configuration, lease);
        return lease;
    }

    public static void MapControlPlane(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi("/api/openapi/{documentName}.json");
        app.MapScalarApiReference("/api/docs", options => options.WithOpenApiRoutePattern("/api/openapi/{documentName}.json"));
        app.MapHealthChecks("/api/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/api/health/ready", new() { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        var api = app.MapGroup("/api");
        api.MapDeploymentsApi();
        api.MapCatalogApis();
        api.MapTokensApi();
        api.MapHooksApi();
        app.MapDurableTaskOperatorApi();
    }
}
