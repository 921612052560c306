using Deployments.Api.Telemetry;
using Deployments.Engine;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Deployments.Server.Telemetry;

/// <summary>The shared telemetry, plus what only the self-host has: incoming HTTP from its own Kestrel and the Prometheus endpoint.</summary>
internal static class SelfHostTelemetry
{
    public const string ServiceName = "deployments-control-plane";

    public static void AddSelfHostTelemetry(this WebApplicationBuilder builder)
    {
        var exporters = TelemetryExporters.From(builder.Configuration);
        var metricsEndpoint = MetricsEndpointSettings.From(builder.Configuration);
        var telemetry = builder.Services.AddControlPlaneTelemetry(exporters)
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation();
                if (metricsEndpoint.Enabled)
                {
                    metrics.AddPrometheusExporter();
                }
            });
        if (builder.Configuration["OTEL_SERVICE_NAME"] is null)
        {
            telemetry.ConfigureResource(resource => resource.AddService(ServiceName));
        }

        if (exporters.Any)
        {
            // The engine's spans: the Durable Task Framework's orchestrations, activities and timers, and the engine's
            // start of an orchestration, which parents them on the request that started it.
            telemetry.WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddSource("DurableTask.Core", OrchestrationTracing.SourceName));
        }

        if (metricsEndpoint.Enabled)
        {
            builder.Services.AddSingleton(metricsEndpoint);
            builder.Services.AddSingleton<MetricsEndpoint>();
            builder.Services.AddHostedService(provider => provider.GetRequiredService<MetricsEndpoint>());
        }
    }
}
