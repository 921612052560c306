using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TestSupport;

namespace Deployments.Engine.Tests.Infrastructure;

/// <summary>
/// The self-hosted engine (client and, unless told otherwise, worker) on a test's own task hub in Azurite,
/// running <see cref="TestTasks"/>. One partition and a short polling interval keep a test to a few seconds.
/// </summary>
internal sealed class EngineHost : IAsyncDisposable
{
    public static readonly TimeSpan PollingInterval = TimeSpan.FromMilliseconds(250);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly IHost host;
    private bool stopped;

    private EngineHost(IHost host, string hubName)
    {
        this.host = host;
        HubName = hubName;
    }

    public string HubName { get; }

    public IServiceProvider Services => host.Services;

    public DurableTaskClient Client => host.Services.GetRequiredService<DurableTaskClient>();

    /// <param name="services">Registered before the test tasks' own services, so a test can hand several hosts the same instance.</param>
    public static async Task<EngineHost> StartAsync(
        string connectionString, string hubName, Action<IServiceCollection>? services = null, Action<DurableTaskEngineOptions>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection([new("AzureWebJobsStorage", connectionString)]);
        builder.Logging.AddFilter(level => level >= LogLevel.Warning);
        services?.Invoke(builder.Services);
        TestTasks.AddServices(builder.Services);
        builder.Services.AddDurableTaskEngine(builder.Configuration, TestTasks.Register, Json, options =>
        {
            options.HubName = hubName;
            options.StorageProvider.PartitionCount = 1;
            options.StorageProvider.MaxQueuePollingInterval = PollingInterval;
            configure?.Invoke(options);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new EngineHost(host, hubName);
    }

    /// <summary>Starts an orchestration and waits for it to end, reading back its input and output.</summary>
    public async Task<OrchestrationMetadata> RunAsync(TaskName orchestrator, object? input, string? instanceId = null)
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, new StartOrchestrationOptions(instanceId));
        return await WaitForEndAsync(id);
    }

    public async Task<OrchestrationMetadata> WaitForEndAsync(string instanceId)
    {
        using var deadline = new CancellationTokenSource(Polling.DefaultTimeout);
        return await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, deadline.Token);
    }

    /// <summary>Starts an instance that waits for an approval event, and waits until the worker runs it.</summary>
    public async Task<string> StartAwaitingApprovalAsync(string input, string? instanceId = null)
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(TestTasks.AwaitApproval, input, new StartOrchestrationOptions(instanceId));
        await WaitForStartAsync(id);
        return id;
    }

    /// <summary>Waits until the worker has picked the instance up (it is no longer pending).</summary>
    public async Task<OrchestrationMetadata> WaitForStartAsync(string instanceId)
    {
        using var deadline = new CancellationTokenSource(Polling.DefaultTimeout);
        return await Client.WaitForInstanceStartAsync(instanceId, getInputsAndOutputs: false, deadline.Token);
    }

    public Task<OrchestrationMetadata?> WaitForStatusAsync(string instanceId, OrchestrationRuntimeStatus status) =>
        Polling.UntilAsync($"instance {instanceId} to be {status}",
            cancellation => Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellation),
            instance => instance?.RuntimeStatus == status);

    public async Task StopAsync()
    {
        if (!stopped)
        {
            stopped = true;
            await host.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        host.Dispose();
    }
}
