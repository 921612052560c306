using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.DurableTask;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Deployments.HostExtension.Tests.Infrastructure;

/// <summary>
/// A WebJobs host carrying what the Functions host loads for this app's Durable functions (the storage core
/// services and the Durable extension), configured from a host.json as the Functions host maps it.
/// </summary>
internal sealed class DurableExtensionHost : IAsyncDisposable
{
    // When set, the extension assumes Linux Consumption and changes its defaults; a developer's or CI's machine
    // might have it set for unrelated reasons, so it is removed for the host's life and restored after.
    private const string LinuxConsumptionMarker = "CONTAINER_NAME";

    private readonly IHost _host;
    private readonly EnvironmentVariableScope _environment;

    private DurableExtensionHost(IHost host, EnvironmentVariableScope environment)
    {
        _host = host;
        _environment = environment;
    }

    /// <summary>Starts the host; throws what the host's start threw (an option the extension refuses, for one).</summary>
    public static async Task<DurableExtensionHost> StartAsync(HostJson hostJson, string storageConnectionString, CancellationToken cancellationToken)
    {
        var environment = EnvironmentVariableScope.Unset(LinuxConsumptionMarker);
        IHost? host = null;
        try
        {
            host = Build(hostJson, storageConnectionString);
            await host.StartAsync(cancellationToken);
            return new DurableExtensionHost(host, environment);
        }
        catch
        {
            host?.Dispose();
            environment.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync(CancellationToken.None);
        }
        finally
        {
            _host.Dispose();
            _environment.Dispose();
        }
    }

    private static IHost Build(HostJson hostJson, string storageConnectionString) =>
        new HostBuilder()
            .ConfigureWebJobs(webJobs =>
            {
                webJobs.AddAzureStorageCoreServices();
                webJobs.AddDurableTask();
            })
            // After ConfigureWebJobs, whose environment-variable source would otherwise override these settings.
            .ConfigureAppConfiguration(configuration =>
                configuration.AddInMemoryCollection(FunctionsHostSettings.For(hostJson, storageConnectionString)))
            .ConfigureLogging((context, logging) =>
            {
                logging.AddConfiguration(context.Configuration.GetSection($"{FunctionsHostSettings.JobHostSection}:logging"));
                // The storage SDK's line per request would bury the host's own lines in the test output.
                logging.AddFilter("Azure.Core", LogLevel.Warning);
                if (TestContext.Current.TestOutputHelper is { } output)
                {
                    logging.AddProvider(new TestOutputLoggerProvider(output));
                }
            })
            .ConfigureServices(services =>
                services.AddSingleton<ITypeLocator>(new ExplicitTypeLocator(typeof(HubProbeOrchestrator))))
            .Build();
}
