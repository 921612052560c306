using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Deployments.Engine;

/// <summary>
/// Runs the registered orchestrators and activities on a <see cref="TaskHubWorker"/> over the Azure
/// Storage provider, the engine the Functions host runs them on. Stopping is graceful: the worker stops
/// taking work, lets what is in flight finish and gives its partitions back. A message that reaches the
/// stopping host's control queue after it stopped running orchestrations (an activity's result, say)
/// stays hidden until its visibility timeout runs out, which is why we ship a short one.
/// </summary>
internal sealed partial class TaskHubWorkerService(
    TaskHubStorage storage, TaskRegistry registry, IServiceProvider services, DataConverter converter, ILoggerFactory loggers, ILogger<TaskHubWorkerService> logger)
    : IHostedService, IDisposable
{
    private TaskHubWorker? worker;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await storage.Service.CreateIfNotExistsAsync();
        var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions { DataConverter = converter }, loggers);
        worker = new TaskHubWorker(storage.Service, loggers)
        {
            // Failures reach orchestrators as the SDK's TaskFailedException with type, message and stack.
            ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails,
        };
        worker.AddTaskOrchestrations([.. registry.Orchestrators.Select(o => new ServiceOrchestrationCreator(o.Key, o.Value, services, shims))]);
        worker.AddTaskActivities([.. registry.Activities.Select(a => new ServiceActivityCreator(a.Key, a.Value, services, shims))]);
        await worker.StartAsync();
        Started(logger, storage.HubName);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (worker is not null)
        {
            // The framework waits a few seconds at most for in-flight work items before it lets go.
            await worker.StopAsync(isForced: false);
            worker = null;
        }
    }

    public void Dispose() => worker?.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Durable Task worker started on task hub {Hub}")]
    private static partial void Started(ILogger logger, string hub);
}
