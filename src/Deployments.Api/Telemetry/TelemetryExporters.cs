using Azure.Monitor.OpenTelemetry.Exporter;
using OpenTelemetry;

namespace Deployments.Api.Telemetry;

/// <summary>
/// Where telemetry goes, decided by the settings the platforms already use: OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the SDK reads its other <c>OTEL_EXPORTER_OTLP_*</c> variables itself),
/// Azure Monitor when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set. Both may be on; neither is by default.
/// </summary>
public sealed record TelemetryExporters(bool Otlp, string? AzureMonitorConnectionString, string? AzureMonitorAuthentication)
{
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string AzureMonitorConnectionSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string AzureMonitorAuthenticationSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    public bool Any => Otlp || AzureMonitorConnectionString is not null;

    public static TelemetryExporters From(IConfiguration configuration) => new(
        !string.IsNullOrWhiteSpace(configuration[OtlpEndpointSetting]),
        NullIfBlank(configuration[AzureMonitorConnectionSetting]),
        NullIfBlank(configuration[AzureMonitorAuthenticationSetting]));

    public void AddTo(IOpenTelemetryBuilder telemetry)
    {
        if (Otlp)
        {
            telemetry.UseOtlpExporter();
        }

        if (AzureMonitorConnectionString is { } connectionString)
        {
            telemetry.UseAzureMonitorExporter(options =>
            {
                options.ConnectionString = connectionString;
                // Without it the exporter uses the connection string's key, which an Entra-only resource refuses.
                options.Credential = AzureMonitorAuthenticationString.Credential(AzureMonitorAuthentication);
            });
        }
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
