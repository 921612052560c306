using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Deployments.Platform;

/// <summary>Registers the storage account's shared pieces once, whichever host or library asks first.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// The storage account the app's own tables live in, read from the setting <paramref name="connectionName"/>
    /// (a connection string or an identity-based section), with every request counted.
    /// </summary>
    public static IServiceCollection AddStorageAccount(this IServiceCollection services, IConfiguration configuration, string connectionName = "AzureWebJobsStorage")
    {
        services.TryAddSingleton<StorageTransactionCounter>();
        services.TryAddSingleton(_ => StorageConnection.FromConfiguration(configuration, connectionName));
        services.TryAddSingleton<StorageAccountProbe>();
        return services;
    }
}
