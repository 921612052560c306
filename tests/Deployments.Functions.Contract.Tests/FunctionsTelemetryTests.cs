using Deployments.Api.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Deployments.Functions.Contract.Tests;

/// <summary>The worker's telemetry as its Program registers it: providers that build, and spans and logs only with an exporter.</summary>
public sealed class FunctionsTelemetryTests
{
    [Fact]
    public void WorkerTelemetry_WithAnExporter_BuildsTracesMetricsAndLogs()
    {
        using var services = Worker((TelemetryExporters.OtlpEndpointSetting, "http://127.0.0.1:4317"));

        Assert.NotNull(services.GetService<TracerProvider>());
        Assert.NotNull(services.GetService<MeterProvider>());
        Assert.NotNull(services.GetService<LoggerProvider>());
    }

    [Fact]
    public void WorkerTelemetry_WithoutAnExporter_KeepsOnlyMetrics()
    {
        using var services = Worker();

        Assert.Null(services.GetService<TracerProvider>());
        Assert.NotNull(services.GetService<MeterProvider>());
    }

    private static ServiceProvider Worker(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddFunctionsTelemetry(configuration).BuildServiceProvider();
    }
}
