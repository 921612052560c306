using Deployments.Functions;
using Deployments.Platform;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

// The control plane as an Azure Functions app (.NET isolated worker, ASP.NET Core integration): the
// host runs the orchestrations on Durable Functions and forwards HTTP to thin functions that hand each
// request to the API every host shares. See README "Azure Functions".
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
// The host reads host.json; the worker reads it too, for the task hub's name, which prefixes our tables.
builder.Configuration.AddFunctionsHostJson(Path.Combine(AppContext.BaseDirectory, "host.json"));
builder.Services.AddFunctionsApp(builder.Configuration);

// OpenTelemetry, exported where the settings say (OTLP, Azure Monitor; see docs/telemetry.md); the host exports its
// own. Registered before the app is built, so the Azure SDK's span switch is set before any client exists.
builder.Services.AddFunctionsTelemetry(builder.Configuration);

builder.Build().Run();
