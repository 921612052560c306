using Deployments.Api.Telemetry;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Deployments.Functions;

/// <summary>
/// The worker's telemetry: the shared spans, meters and exporters, plus the Functions worker's defaults (its
/// resource, the function invocation spans parented on the host's trace, and the capability that tells the host
/// the worker exports its own telemetry, so the host does not send it a second time). Incoming HTTP is the
/// host's: it receives the request and reports it.
/// </summary>
internal static class FunctionsTelemetry
{
    public static IServiceCollection AddFunctionsTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var exporters = TelemetryExporters.From(configuration);
        var telemetry = services.AddControlPlaneTelemetry(exporters);
        // Only with an exporter: claiming the capability without one would have the host drop the worker's logs
        // that it forwards today, and nothing would send them instead.
        if (exporters.Any)
        {
            telemetry.UseFunctionsWorkerDefaults();
        }

        return services;
    }
}
