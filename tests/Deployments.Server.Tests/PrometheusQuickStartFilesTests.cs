using System.Diagnostics;
using Deployments.Server.QuickStart;
using Microsoft.Extensions.Configuration;
using TestSupport;

namespace Deployments.Server.Tests;

/// <summary>
/// The prometheus.yml and analysis template the quick start writes: a config Prometheus accepts that finds the
/// allocations through the control plane with the admin key, kept private, and the key never in what is printed.
/// </summary>
public sealed class PrometheusQuickStartFilesTests : IDisposable
{
    private const string Key = "quick-start-admin-key-0123456789abcdef";

    private static readonly Uri ControlPlane = new("http://127.0.0.1:7071");

    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("quickstart-files-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string ConfigPath => Path.Combine(directory.FullName, "data", PrometheusQuickStartFiles.ConfigFileName);

    [Fact]
    public async Task The_config_discovers_targets_at_the_control_plane_with_the_admin_key_as_bearer_credentials()
    {
        await WriteAsync(Key);

        var lines = (await File.ReadAllLinesAsync(ConfigPath, Ct)).Select(line => line.Trim()).ToList();
        Assert.Contains("http_sd_configs:", lines);
        Assert.Contains("- url: 'http://127.0.0.1:7071/api/prometheus/targets'", lines);
        Assert.Contains("type: Bearer", lines);
        Assert.Contains($"credentials: '{Key}'", lines);
        Assert.Contains("scrape_interval: 2s", lines);
    }

    [Fact]
    public async Task Prometheus_accepts_the_config()
    {
        PrometheusServer.RequireInstalled();
        await WriteAsync("a key with a ' quote in it");

        var (exitCode, output) = await RunAsync("/usr/bin/promtool", "check", "config", ConfigPath);

        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task The_config_is_readable_and_writable_by_its_owner_only_even_over_a_more_open_file()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("File modes are Unix's.");
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(ConfigPath)!);
        await File.WriteAllTextAsync(ConfigPath, "left by something else", Ct);
        File.SetUnixFileMode(ConfigPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await WriteAsync(Key);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(ConfigPath));
        Assert.Contains(Key, await File.ReadAllTextAsync(ConfigPath, Ct), StringComparison.Ordinal);
        // Written under a temporary name first: none is left behind.
        Assert.Equal([AnalysisTemplateExample.FileName, PrometheusQuickStartFiles.ConfigFileName],
            Directory.GetFiles(Path.GetDirectoryName(ConfigPath)!).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_printed_text_names_the_file_and_the_prometheus_command_but_not_the_key()
    {
        var printed = await WriteAsync(Key);

        Assert.Contains($"prometheus --config.file={ConfigPath} --web.listen-address=127.0.0.1:9090", printed, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(Path.GetDirectoryName(ConfigPath)!, AnalysisTemplateExample.FileName), printed, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_later_start_that_does_not_know_the_key_keeps_the_config_the_first_start_wrote()
    {
        await WriteAsync(Key);

        var printed = await WriteAsync(adminKey: null);

        Assert.Contains($"credentials: '{Key}'", await File.ReadAllTextAsync(ConfigPath, Ct), StringComparison.Ordinal);
        Assert.Contains($"--config.file={ConfigPath}", printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_known_key_or_an_earlier_config_none_is_written_and_the_text_says_how_to_get_one()
    {
        var printed = await WriteAsync(adminKey: null);

        Assert.False(File.Exists(ConfigPath));
        Assert.Contains("--Auth:RotateAdminKey=true", printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_analysis_template_measures_the_deployments_error_rate_in_prometheus()
    {
        await WriteAsync(Key);

        using var template = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Path.GetDirectoryName(ConfigPath)!, AnalysisTemplateExample.FileName), Ct));
        Assert.Equal("error-rate", template.RootElement.GetProperty("name").GetString());
        var metric = Assert.Single(template.RootElement.GetProperty("metrics").EnumerateArray());
        var prometheus = metric.GetProperty("provider").GetProperty("prometheus");
        Assert.Equal("http://127.0.0.1:9090", prometheus.GetProperty("address").GetString());
        Assert.Equal(
            "(sum(rate(sample_requests_total{deployment=\"{{deployment_id}}\",code=~\"5..\"}[20s])) or vector(0)) / sum(rate(sample_requests_total{deployment=\"{{deployment_id}}\"}[20s]))",
            prometheus.GetProperty("query").GetString());
        Assert.Equal(("5s", 6, "10s"), (metric.GetProperty("interval").GetString(), metric.GetProperty("count").GetInt32(), metric.GetProperty("initial_delay").GetString()));
        Assert.Equal("result[0] < 0.05", metric.GetProperty("success_condition").GetString());
        Assert.Equal("result[0] >= 0.05", metric.GetProperty("failure_condition").GetString());
        Assert.Equal((1, 1, 3), (metric.GetProperty("failure_limit").GetInt32(), metric.GetProperty("inconclusive_limit").GetInt32(), metric.GetProperty("consecutive_error_limit").GetInt32()));
    }

    [Theory]
    [InlineData("http://localhost:7071", "http://127.0.0.1:7071/")]
    [InlineData("http://+:8080;https://localhost:8443", "http://127.0.0.1:8080/")]
    [InlineData("http://10.1.2.3:7071/", "http://10.1.2.3:7071/")]
    public void Prometheus_reaches_the_server_at_its_first_url_on_an_address_rather_than_localhost_or_a_wildcard(string urls, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = urls }).Build();

        Assert.Equal(expected, PrometheusQuickStartConfig.ControlPlaneUrl(configuration).ToString());
    }

    public void Dispose() => directory.Delete(recursive: true);

    private Task<string> WriteAsync(string? adminKey) =>
        PrometheusQuickStartFiles.WriteAsync(Path.GetDirectoryName(ConfigPath)!, ControlPlane, adminKey, Ct);

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        return (process.ExitCode, await output + await error);
    }
}
