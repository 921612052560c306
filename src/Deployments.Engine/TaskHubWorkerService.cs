using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Deployments.Engine;

/// <summary>
/// Runs the registered orchestrators and activities on a <see cref="TaskHubWorker"/> over the Azure
/// Storage provider, the engine the Functions host runs them on. Stopping is graceful and hands the work
/// back at once: the host stops fetching, finishes what it holds, gives its partitions back, and only then
/// stops running work, so nothing it leaves behind waits out a visibility timeout.
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

    /// <param name="cancellationToken">The host's shutdown timeout: when it fires the stop is abandoned, not awaited.</param>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (worker is not { } running)
        {
            return;
        }

        worker = null;
        try
        {
            await StopGracefullyAsync(running).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Storage is unreachable, say: the provider would retry its partition table for ever. Whatever this
            // host could not hand back comes free when its leases and messages' visibility timeouts run out.
            GaveUp(logger, storage.HubName);
        }
    }

    private async Task StopGracefullyAsync(TaskHubWorker running)
    {
        // The provider lets go of its partitions first, while the dispatchers still run: it stops fetching,
        // finishes the orchestration work already in memory and gives each lease back, so what arrives
        // afterwards (an activity's result) stays visible for the next owner. Stopping the worker first would
        // leave such a message fetched and hidden, unprocessed, until its visibility timeout.
        await storage.Service.StopAsync(isForced: false);
        await running.StopAsync(isForced: false);
        running.Dispose();
    }

    public void Dispose() => worker?.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Durable Task worker on task hub {Hub} did not stop within the shutdown timeout; its leases and hidden messages will expire for another worker to take over")]
    private static partial void GaveUp(ILogger logger, string hub);

    [LoggerMessage(Level = LogLevel.Information, Message = "Durable Task worker started on task hub {Hub}")]
    private static partial void Started(ILogger logger, string hub);
}
