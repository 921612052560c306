using Durable.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Durable.Bench;

/// <summary>One worker host on its own task hub, with the transaction counter at hand.</summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private readonly IHost host;

    private BenchHost(IHost host) => this.host = host;

    public DurableTaskClient Client => host.Services.GetRequiredService<DurableTaskClient>();

    public StorageTransactionCounter Transactions => host.Services.GetRequiredService<StorageTransactionCounter>();

    public static async Task<BenchHost> StartAsync(string connectionString, string hubName, Action<DurableTaskRegistry> register, Action<DurableTaskOptions>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection([new("AzureWebJobsStorage", connectionString)]);
        builder.Logging.AddFilter(level => level >= LogLevel.Warning).AddConsole();
        builder.Services.AddDurableTask(builder.Configuration, register, options =>
        {
            options.HubName = hubName;
            configure?.Invoke(options);
        });
        var host = builder.Build();
        await host.StartAsync();
        await host.Services.GetRequiredService<DurableTaskEngine>().EnsureCreatedAsync();
        return new BenchHost(host);
    }

    public async Task<OrchestrationMetadata> RunAsync(string name, object? input, TimeSpan timeout)
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(name, input);
        return await WaitAsync(id, timeout);
    }

    public async Task<OrchestrationMetadata> WaitAsync(string instanceId, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        var result = await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, deadline.Token);
        if (result.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
        {
            throw new InvalidOperationException($"Instance {instanceId} ended {result.RuntimeStatus}: {result.FailureDetails}");
        }

        return result;
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
