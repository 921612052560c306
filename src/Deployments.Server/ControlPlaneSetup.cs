using Deployments.Api;
using Deployments.Api.Auth;
using Deployments.Engine;
using Deployments.Orchestrations;
using Deployments.Platform;
using Deployments.Server.QuickStart;
using Deployments.Server.Telemetry;
using Deployments.Telemetry;
using DevStorage;

namespace Deployments.Server;

/// <summary>Everything the self-host registers and maps, in one place, so Program.cs stays a few lines.</summary>
internal static class ControlPlaneSetup
{
    /// <summary>
    /// Registers storage (starting Azurite first when the setting is development storage and nothing
    /// listens), the Durable Task engine with its in-process worker, the deployment services and the API.
    /// The returned lease owns an Azurite it started.
    /// </summary>
    public static async Task<DevelopmentStorageLease?> AddControlPlaneAsync(this WebApplicationBuilder builder)
    {
        // First: the Azure SDK decides whether it emits spans when it first traces a call (Azurite's probe, below).
        builder.AddSelfHostTelemetry();
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

        var hub = HostJsonConfiguration.HubName(builder.Configuration);
        // The framework reports every idle poll, lease renewal and activity start at Information; its warnings are what matter.
        builder.Logging.AddFilter("DurableTask", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.DurableTask", LogLevel.Warning);
        builder.Services.AddDurableTaskEngine(builder.Configuration, RegisterDeploymentTasks, WorkflowJson.Options, options => options.HubName = hub)
            .AddTaskActivityScope<DeploymentActivityScope>((scope, activity, instance) => scope.Enter(activity, instance));
        builder.Services.AddDeployments(tablePrefix: hub).AddDeploymentRecovery();
        builder.Services.AddControlPlaneApi(tablePrefix: hub, AdminKeyDisplay.ShownOnce);
        builder.Services.AddQuickStart(builder.Configuration, lease);
        return lease;
    }

    /// <summary>The domain's orchestrators and activities, run by this host's engine.</summary>
    public static void RegisterDeploymentTasks(TaskRegistry registry) =>
        registry.AddOrchestrators(DeploymentTasks.Orchestrators).AddActivities(DeploymentTasks.Activities);

    /// <summary>The API, the operator API that the Functions host would otherwise serve, and the dashboard at the root.</summary>
    public static void MapControlPlane(this WebApplication app)
    {
        app.UseControlPlaneApi();
        app.MapControlPlaneApi();
        app.MapOperatorApi();
        app.MapDashboardRoot();
    }
}
