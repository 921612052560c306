using Deployments.Drivers.Processes;
using Deployments.Drivers.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace Deployments.Drivers.Tests;

public sealed class TargetDriverRegistryTests
{
    [Fact]
    public void AddTargetDrivers_registers_both_drivers_behind_the_registry()
    {
        using var services = new ServiceCollection().AddTargetDrivers().BuildServiceProvider();
        var registry = services.GetRequiredService<TargetDriverRegistry>();

        Assert.IsType<ProcessTargetDriver>(registry.Get("process"));
        Assert.IsType<WebhookTargetDriver>(registry.Get("Webhook"));
        Assert.Equal(["process", "webhook"], registry.Names);
    }

    [Fact]
    public void Unknown_driver_name_fails_naming_the_known_drivers()
    {
        using var services = new ServiceCollection().AddTargetDrivers().BuildServiceProvider();
        var registry = services.GetRequiredService<TargetDriverRegistry>();

        var error = Assert.Throws<UnknownTargetDriverException>(() => registry.Get("nomad"));

        Assert.Equal("No target driver is named 'nomad'. Known drivers: process, webhook.", error.Message);
        Assert.Equal("nomad", error.DriverName);
    }

    [Fact]
    public void Without_the_process_driver_only_the_webhook_driver_runs_and_the_process_driver_is_refused_with_the_reason()
    {
        using var services = new ServiceCollection().AddTargetDrivers().WithoutProcessDriver("child processes die here").BuildServiceProvider();
        var registry = services.GetRequiredService<TargetDriverRegistry>();

        Assert.Equal(["webhook"], registry.Names);
        Assert.True(registry.RefusesAny);
        Assert.Equal("child processes die here", registry.UnavailableReason("Process"));
        Assert.Null(registry.UnavailableReason("webhook"));
        Assert.Equal("child processes die here", Assert.Throws<InvalidOperationException>(() => registry.Get("process")).Message);
    }

    [Fact]
    public void Cluster_target_prints_setting_names_but_never_their_values()
    {
        var cluster = new ClusterTarget("prod-eu", "webhook", new Dictionary<string, string> { ["endpoint"] = "https://platform", ["secret"] = "s3cr3t-value" });

        var printed = cluster.ToString();

        Assert.Contains("prod-eu", printed, StringComparison.Ordinal);
        Assert.Contains("secret", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-value", printed, StringComparison.Ordinal);
    }
}
