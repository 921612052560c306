using Deployments.Engine;
using Deployments.Functions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// The control plane as an Azure Functions app (.NET isolated worker, ASP.NET Core integration): the
// host runs the orchestrations on Durable Functions and forwards HTTP to thin functions that hand each
// request to the API every host shares. See README "Azure Functions".
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
// The host reads host.json; the worker reads it too, for the task hub's name, which prefixes our tables.
builder.Configuration.AddFunctionsHostJson(Path.Combine(AppContext.BaseDirectory, "host.json"));
builder.Services.AddFunctionsApp(builder.Configuration);

// Application Insights only where a connection string is set (the Azure app settings), so local runs stay
// quiet. The worker then sends its own logs and dependencies, the host its own; with
// APPLICATIONINSIGHTS_AUTHENTICATION_STRING set both authenticate with the app's managed identity.
if (!string.IsNullOrEmpty(builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
{
    builder.Services.AddApplicationInsightsTelemetryWorkerService().ConfigureFunctionsApplicationInsights();
    // The SDK's own rule keeps only warnings from the worker; let the configured log levels decide instead.
    builder.Logging.Services.Configure<LoggerFilterOptions>(options =>
    {
        var warningsOnly = options.Rules.FirstOrDefault(rule =>
            rule.ProviderName == "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider");
        if (warningsOnly is not null)
        {
            options.Rules.Remove(warningsOnly);
        }
    });
}

builder.Build().Run();
