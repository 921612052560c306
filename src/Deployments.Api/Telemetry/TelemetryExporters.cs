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
    /// <summary>Set: spans, metrics and logs go over OTLP to this endpoint.</summary>
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";
    /// <summary>Set: they go to this Application Insights resource too.</summary>
    public const string AzureMonitorConnectionSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    /// <summary><c>Authorization=AAD</c> (with a managed identity's <c>ClientId</c>, or none for the system-assigned one) for an Entra-only resource.</summary>
    public const string AzureMonitorAuthenticationSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>Whether anything is exported: without an exporter no spans or logs are recorded, only metrics.</summary>
    public bool Any => Otlp || AzureMonitorConnectionString is not null;

    /// <summary>Reads the settings above; blank counts as unset.</summary>
    public static TelemetryExporters From(IConfiguration configuration) => new(
        !string.IsNullOrWhiteSpace(configuration[OtlpEndpointSetting]),
        NullIfBlank(configuration[AzureMonitorConnectionSetting]),
        NullIfBlank(configuration[AzureMonitorAuthenticationSetting]));

    /// <summary>Adds the configured exporters to the host's OpenTelemetry.</summary>
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
