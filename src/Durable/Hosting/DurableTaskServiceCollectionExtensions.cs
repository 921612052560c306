using Durable.Messaging;
using Durable.Storage;
using Durable.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Durable;

public static class DurableTaskServiceCollectionExtensions
{
    /// <summary>
    /// Registers the engine: client, single-message entry point and (when <paramref name="runWorker"/>) the
    /// self-hosted worker. Settings bind from host.json's <c>extensions:durableTask</c> section
    /// (see <see cref="AddFunctionsHostJson"/>) and the connection from <c>AzureWebJobsStorage</c>.
    /// </summary>
    public static IServiceCollection AddDurableTask(this IServiceCollection services, IConfiguration configuration, Action<DurableTaskRegistry> register, Action<DurableTaskOptions>? configure = null, bool runWorker = true)
    {
        var registry = new DurableTaskRegistry();
        register(registry);
        services.AddSingleton(registry);
        var optionsBuilder = services.AddOptions<DurableTaskOptions>().Bind(configuration.GetSection(DurableTaskOptions.HostJsonSection));
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<StorageTransactionCounter>();
        services.TryAddSingleton(provider => StorageConnection.FromConfiguration(configuration, Options(provider).StorageProvider.ConnectionName));
        services.AddSingleton(provider => Options(provider));
        services.AddSingleton(provider => new TaskHubStorage(
            provider.GetRequiredService<StorageConnection>(), Options(provider), provider.GetRequiredService<StorageTransactionCounter>()));
        services.AddSingleton<PayloadStore>();
        services.AddSingleton<QueueMessageCodec>();
        services.AddSingleton<InstanceStore>();
        services.AddSingleton<InstanceQueryStore>();
        services.AddSingleton<MessageSender>();
        services.AddSingleton<OrchestrationCache>();
        services.AddSingleton(provider => new EpisodeRunner(registry, provider, provider.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<OrchestrationDispatcher>();
        services.AddSingleton<ActivityDispatcher>();
        services.AddSingleton<PoisonHandler>();
        services.AddSingleton<MessageIntake>();
        services.AddSingleton<PendingStartRecovery>();
        services.AddSingleton(provider => new DurableTaskClient(
            provider.GetRequiredService<TaskHubStorage>(), provider.GetRequiredService<InstanceStore>(), provider.GetRequiredService<InstanceQueryStore>(),
            provider.GetRequiredService<MessageSender>(), provider.GetRequiredService<PayloadStore>(), provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton(provider => new DurableTaskEngine(
            provider.GetRequiredService<TaskHubStorage>(), provider.GetRequiredService<MessageIntake>(), provider.GetRequiredService<StorageTransactionCounter>()));
        if (runWorker)
        {
            services.AddHostedService<DurableTaskWorker>();
        }

        return services;
    }

    /// <summary>Reads host.json the way the Functions host exposes it, so the same file configures both modes.</summary>
    public static IConfigurationBuilder AddFunctionsHostJson(this IConfigurationBuilder builder, string path = "host.json")
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            return builder;
        }

        var hostJson = new ConfigurationBuilder().AddJsonFile(full, optional: false).Build();
        var prefixed = hostJson.AsEnumerable()
            .Where(pair => pair.Value is not null)
            .Select(pair => new KeyValuePair<string, string?>("AzureFunctionsJobHost:" + pair.Key, pair.Value));
        return builder.AddInMemoryCollection(prefixed);
    }

    private static DurableTaskOptions Options(IServiceProvider provider) => provider.GetRequiredService<IOptions<DurableTaskOptions>>().Value;
}
