using Deployments;
using Deployments.Engine;
using Deployments.Orchestrations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// A deployments worker and nothing else, for the crash tests: they start it as a child process, let
// it work on a rollout, and kill it with SIGKILL. Settings come from the command line, e.g.
//   --AzureWebJobsStorage=<connection> --hub=<name> --AzureFunctionsJobHost:extensions:durableTask:...=...
var builder = Host.CreateApplicationBuilder(args);
var hub = builder.Configuration["hub"] ?? throw new ArgumentException("--hub is required");
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddDurableTaskEngine(builder.Configuration, registry => registry.AddOrchestrators(DeploymentTasks.Orchestrators).AddActivities(DeploymentTasks.Activities), WorkflowJson.Options, options => options.HubName = hub);
builder.Services.AddDeployments(tablePrefix: hub).AddDeploymentRecovery();
using var host = builder.Build();
await host.StartAsync();
Console.WriteLine("worker ready");
await host.WaitForShutdownAsync();
