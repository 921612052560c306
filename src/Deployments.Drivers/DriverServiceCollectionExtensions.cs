using Deployments.Drivers.Processes;
using Deployments.Drivers.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Deployments.Drivers;

/// <summary>How a host takes the drivers into its services; the drivers themselves are internal and reached through <see cref="TargetDriverRegistry"/>.</summary>
public static class DriverServiceCollectionExtensions
{
    /// <summary>The named HttpClient every driver sends through.</summary>
    public const string HttpClientName = "Deployments.Drivers";

    /// <summary>Registers the process and webhook drivers, the registry, their options and their HttpClient.</summary>
    public static IServiceCollection AddTargetDrivers(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        // Each call bounds itself. The factory's own request logging is off: a health probe every second would be
        // four lines, and a probe refused while an instance starts (expected) a stack trace; the drivers report
        // what matters themselves.
        services.AddHttpClient(HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan).RemoveAllLoggers();
        services.AddOptions<ProcessDriverOptions>();
        services.AddOptions<WebhookDriverOptions>();
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITargetDriver, ProcessTargetDriver>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITargetDriver, WebhookTargetDriver>());
        services.TryAddSingleton<TargetDriverRegistry>();
        return services;
    }

    /// <summary>
    /// Takes the process driver out, for a host where child processes cannot outlive the request that started
    /// them (Azure Functions: the platform stops an instance's processes when it scales in). A cluster or app
    /// that names it is then refused with <paramref name="reason"/>.
    /// </summary>
    public static IServiceCollection WithoutProcessDriver(this IServiceCollection services, string reason)
    {
        ArgumentNullException.ThrowIfNull(services);
        var process = services.Where(d => d.ServiceType == typeof(ITargetDriver) && d.ImplementationType == typeof(ProcessTargetDriver)).ToList();
        foreach (var descriptor in process)
        {
            services.Remove(descriptor);
        }

        services.AddSingleton(new UnavailableTargetDriver(ProcessTargetDriver.DriverName, reason));
        return services;
    }
}
