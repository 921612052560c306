using Azure.Storage.Queues;
using Durable.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Durable.Tests.Infrastructure;

/// <summary>A real worker host on a test's own task hub in the shared Azurite.</summary>
internal sealed class DurableTestHost : IAsyncDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(90);

    private readonly IHost host;

    private DurableTestHost(IHost host) => this.host = host;

    public IServiceProvider Services => host.Services;

    public DurableTaskClient Client => Services.GetRequiredService<DurableTaskClient>();

    public StorageTransactionCounter Transactions => Services.GetRequiredService<StorageTransactionCounter>();

    /// <summary>The hub's tables, queues and container, for tests that look at or tamper with storage directly.</summary>
    internal TaskHubStorage Storage => Services.GetRequiredService<TaskHubStorage>();

    public static async Task<DurableTestHost> StartAsync(
        string connectionString,
        string hubName,
        Action<DurableTaskRegistry> register,
        Action<DurableTaskOptions>? configure = null,
        bool runWorker = true)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection([new("AzureWebJobsStorage", connectionString)]);
        builder.Logging.AddFilter(level => level >= LogLevel.Warning);
        builder.Services.AddDurableTask(builder.Configuration, register, options =>
        {
            options.HubName = hubName;
            options.StorageProvider.MaxQueuePollingInterval = TimeSpan.FromMilliseconds(500);
            options.StorageProvider.MessageRetryDelay = TimeSpan.FromMilliseconds(100);
            configure?.Invoke(options);
        }, runWorker);
        var host = builder.Build();
        await host.StartAsync();
        return new DurableTestHost(host);
    }

    /// <summary>Starts an instance and waits (with a deadline) for it to end.</summary>
    public async Task<OrchestrationMetadata> RunAsync(string orchestrator, object? input = null, string? instanceId = null, TimeSpan? timeout = null)
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, new StartOrchestrationOptions(instanceId));
        return await WaitAsync(id, timeout);
    }

    public async Task<OrchestrationMetadata> WaitAsync(string instanceId, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? DefaultTimeout);
        return await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, deadline.Token);
    }

    /// <summary>Polls until the instance satisfies <paramref name="condition"/>, failing at the deadline.</summary>
    public async Task<OrchestrationMetadata> WaitUntilAsync(string instanceId, Func<OrchestrationMetadata, bool> condition, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? DefaultTimeout);
        while (true)
        {
            if (await Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, deadline.Token) is { } instance && condition(instance))
            {
                return instance;
            }

            await Task.Delay(50, deadline.Token);
        }
    }

    /// <summary>
    /// Waits for every instance to end; at the deadline fails with what each unfinished instance last
    /// recorded, which says far more than a bare timeout.
    /// </summary>
    public async Task<OrchestrationMetadata[]> WaitAllAsync(IEnumerable<string> instanceIds, TimeSpan? timeout = null)
    {
        var ids = instanceIds.ToList();
        using var deadline = new CancellationTokenSource(timeout ?? DefaultTimeout);
        var waits = ids.Select(id => Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, deadline.Token)).ToList();
        try
        {
            return await Task.WhenAll(waits);
        }
        catch (OperationCanceledException)
        {
            var stuck = new List<string>();
            foreach (var (id, wait) in ids.Zip(waits).Where(pair => !pair.Second.IsCompletedSuccessfully))
            {
                var instance = await Client.GetInstanceAsync(id);
                var history = instance is null ? [] : await Client.GetOrchestrationHistoryAsync(id);
                stuck.Add($"{id}: {instance?.RuntimeStatus.ToString() ?? "missing"}, last events: {string.Join(", ", history.TakeLast(4).Select(e => e.GetType().Name))}");
            }

            throw new TimeoutException($"{stuck.Count} of {ids.Count} instances did not finish:\n{string.Join("\n", stuck)}");
        }
    }

    /// <summary>
    /// Polls a query until it returns <paramref name="count"/> instances. The instances table is written
    /// after a step's commit, so it can trail what <see cref="DurableTaskClient.GetInstanceAsync"/> shows.
    /// </summary>
    public async Task WaitForQueryAsync(OrchestrationQuery query, int count, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? DefaultTimeout);
        while ((await Client.QueryInstancesAsync(query, deadline.Token)).Instances.Count != count)
        {
            await Task.Delay(50, deadline.Token);
        }
    }

    /// <summary>Polls the instance's history until <paramref name="condition"/> holds, failing at the deadline.</summary>
    public async Task<IReadOnlyList<HistoryEvent>> WaitForHistoryAsync(string instanceId, Func<IReadOnlyList<HistoryEvent>, bool> condition, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? DefaultTimeout);
        while (true)
        {
            var history = await Client.GetOrchestrationHistoryAsync(instanceId, deadline.Token);
            if (condition(history))
            {
                return history;
            }

            await Task.Delay(50, deadline.Token);
        }
    }

    /// <summary>
    /// Waits until the queue holds no message at all. The approximate count includes invisible messages,
    /// so zero means every message was deleted after processing.
    /// </summary>
    public static async Task WaitForEmptyQueueAsync(QueueClient queue, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? DefaultTimeout);
        while ((await queue.GetPropertiesAsync(deadline.Token)).Value.ApproximateMessagesCount > 0)
        {
            await Task.Delay(50, deadline.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await host.StopAsync(stop.Token);
        host.Dispose();
    }
}
