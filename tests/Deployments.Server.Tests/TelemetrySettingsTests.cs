using Azure.Identity;
using Deployments.Api.Telemetry;
using Deployments.Server.Telemetry;
using Microsoft.Extensions.Configuration;

namespace Deployments.Server.Tests;

/// <summary>How the telemetry settings read: the metrics endpoint's address, the exporters, Azure Monitor's identity.</summary>
public sealed class TelemetrySettingsTests
{
    [Fact]
    public void MetricsEndpoint_DefaultsToLoopbackPort9464() =>
        Assert.Equal(new Uri("http://127.0.0.1:9464"), MetricsEndpointSettings.From(Settings()).Url);

    [Theory]
    [InlineData("off")]
    [InlineData("OFF")]
    [InlineData("")]
    [InlineData("  ")]
    public void MetricsEndpoint_IsOff_WhenEmptyOrOff(string value) =>
        Assert.False(MetricsEndpointSettings.From(Settings((MetricsEndpointSettings.Setting, value))).Enabled);

    [Theory]
    [InlineData("https://127.0.0.1:9464")]
    [InlineData("http://127.0.0.1:9464/metrics")]
    [InlineData("127.0.0.1:9464")]
    public void MetricsEndpoint_RefusesAnAddressItCannotServe(string value)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => MetricsEndpointSettings.From(Settings((MetricsEndpointSettings.Setting, value))));
        Assert.Contains(MetricsEndpointSettings.Setting, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Exporters_AreOff_WithoutTheirSettings() => Assert.False(TelemetryExporters.From(Settings()).Any);

    [Fact]
    public void Exporters_FollowTheOtlpEndpointAndTheConnectionString()
    {
        var exporters = TelemetryExporters.From(Settings(
            (TelemetryExporters.OtlpEndpointSetting, "http://127.0.0.1:4317"),
            (TelemetryExporters.AzureMonitorConnectionSetting, "InstrumentationKey=00000000-0000-0000-0000-000000000000")));

        Assert.True(exporters.Otlp);
        Assert.Equal("InstrumentationKey=00000000-0000-0000-0000-000000000000", exporters.AzureMonitorConnectionString);
    }

    [Theory]
    [InlineData("Authorization=AAD;ClientId=7d5ed5a8-9d8f-4b36-9ad4-4e5bf4ae3f7e")]
    [InlineData("ClientId=7d5ed5a8-9d8f-4b36-9ad4-4e5bf4ae3f7e;Authorization=AAD")]
    [InlineData("Authorization=AAD")]
    public void AzureMonitorAuthentication_AAD_UsesTheManagedIdentity(string value) =>
        Assert.IsType<ManagedIdentityCredential>(AzureMonitorAuthenticationString.Credential(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Authorization=Key")]
    [InlineData("ClientId=7d5ed5a8-9d8f-4b36-9ad4-4e5bf4ae3f7e")]
    public void AzureMonitorAuthentication_OtherwiseUsesTheConnectionStringsKey(string? value) =>
        Assert.Null(AzureMonitorAuthenticationString.Credential(value));

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
