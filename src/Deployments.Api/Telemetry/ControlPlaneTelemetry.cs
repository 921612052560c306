using System.Diagnostics;
using Deployments.Platform;
using Deployments.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Deployments.Api.Telemetry;

/// <summary>
/// The OpenTelemetry both hosts share: which spans and meters the control plane has, and the exporters its
/// configuration names. Each host adds its own on the returned builder (the self-host: incoming HTTP and the
/// Prometheus endpoint; the Functions worker: the worker's defaults).
/// </summary>
public static class ControlPlaneTelemetry
{
    /// <summary>
    /// Span sources beside outgoing HTTP: the Azure SDK (the domain's table calls) and the Durable Task SDK's
    /// client and worker (what the Functions worker runs on). The self-host adds its engine's own.
    /// </summary>
    public static readonly string[] TraceSources = ["Azure.*", "Microsoft.DurableTask"];

    /// <summary>The domain's meter, the storage transaction count, and the runtime's own (GC, threads, CPU).</summary>
    public static readonly string[] Meters = [DeploymentMetrics.MeterName, StorageTransactionCounter.MeterName, "System.Runtime"];

    /// <summary>
    /// Metrics always (a host may serve or export them); spans and logs only when an exporter is configured, so a run
    /// without one does not record spans for every storage poll only to drop them.
    /// </summary>
    public static OpenTelemetryBuilder AddControlPlaneTelemetry(this IServiceCollection services, TelemetryExporters exporters)
    {
        EnableAzureSdkSpans();
        var telemetry = services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics.AddMeter(Meters).AddHttpClientInstrumentation());
        if (exporters.Any)
        {
            telemetry
                .WithTracing(tracing => tracing
                    .AddSource(TraceSources)
                    .AddHttpClientInstrumentation(options => options.FilterHttpRequestMessage = _ => WorthASpan(Activity.Current)))
                .WithLogging(configureBuilder: null, configureOptions: options =>
                {
                    // The deployment id travels as a log scope (DeploymentLogScope); without scopes it would be lost.
                    options.IncludeScopes = true;
                    options.IncludeFormattedMessage = true;
                });
            exporters.AddTo(telemetry);
        }

        return telemetry;
    }

    /// <summary>
    /// The Azure SDK emits its spans through ActivitySources only behind this switch (it is still called experimental).
    /// The SDK reads it once, when it first traces a call, so it is set before any client is built.
    /// </summary>
    private static void EnableAzureSdkSpans() => AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);

    /// <summary>
    /// Whether an outgoing request's span (current when the filter runs) is kept. Not when nothing of ours caused it
    /// (no parent): that is the Durable Task Framework polling its queues and renewing leases, a one-span trace every
    /// second or two, day and night. Not inside an Azure SDK span either, which already names the storage operation.
    /// Kept: everything a request, an orchestration or an activity sends (drivers, notifications, storage).
    /// </summary>
    private static bool WorthASpan(Activity? request) => request?.ParentId is not null && !IsAzureSdk(request.Parent);

    private static bool IsAzureSdk(Activity? activity) => activity?.Source.Name.StartsWith("Azure.", StringComparison.Ordinal) == true;
}
