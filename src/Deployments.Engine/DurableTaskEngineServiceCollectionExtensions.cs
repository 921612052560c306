using System.Text.Json;
using Deployments.Platform;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Deployments.Engine;

/// <summary>How a host runs orchestrations without the Functions host: the self-host, its tests and the benchmarks.</summary>
public static class DurableTaskEngineServiceCollectionExtensions
{
    /// <summary>
    /// Registers the self-hosted engine: the Azure Storage provider for the task hub, a
    /// <see cref="DurableTaskClient"/> over it and (when <paramref name="runWorker"/>) the worker that runs
    /// the registered orchestrators and activities. Settings bind from host.json's
    /// <c>extensions:durableTask</c> section (see <see cref="HostJsonConfiguration.AddFunctionsHostJson"/>), then
    /// from the self-host's own <see cref="DurableTaskEngineOptions.SelfHostSection"/>; the connection from the setting it names (<c>AzureWebJobsStorage</c> by default).
    /// </summary>
    public static IServiceCollection AddDurableTaskEngine(
        this IServiceCollection services, IConfiguration configuration, Action<TaskRegistry> register, JsonSerializerOptions json,
        Action<DurableTaskEngineOptions>? configure = null, bool runWorker = true)
    {
        var registry = new TaskRegistry();
        register(registry);
        services.AddSingleton(registry);
        var options = services.AddOptions<DurableTaskEngineOptions>()
            .Bind(configuration.GetSection(DurableTaskEngineOptions.HostJsonSection))
            .Bind(configuration.GetSection(DurableTaskEngineOptions.SelfHostSection));
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(provider => StorageConnection.FromConfiguration(
            configuration, provider.GetRequiredService<IOptions<DurableTaskEngineOptions>>().Value.StorageProvider.ConnectionName));
        services.AddStorageAccount(configuration);
        services.AddSingleton<DataConverter>(new JsonDataConverter(json));
        services.AddSingleton<TaskHubStorage>();
        services.AddSingleton<DurableTaskClient, TaskHubClient>();
        if (runWorker)
        {
            services.AddHostedService<TaskHubWorkerService>();
        }

        return services;
    }
}
