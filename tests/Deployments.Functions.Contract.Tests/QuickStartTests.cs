using System.Text.Json;
using System.Text.RegularExpressions;
using Deployments.Functions.Contract.Tests.Infrastructure;
using TestSupport;

namespace Deployments.Functions.Contract.Tests;

/// <summary>
/// The quick start as a new user meets it: the self-hosted app with the launch profile's setting prints a
/// freshly generated admin key and the commands for a canary, and those commands, run as printed, roll the
/// sample service out to success.
/// </summary>
public sealed partial class QuickStartTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_printed_key_and_commands_roll_a_canary_out_to_success()
    {
        var connection = azurite.ConnectionString;
        var hub = azurite.NewHubName("quick");
        await using var domain = new DomainServices(connection, hub);
        var data = Directory.CreateTempSubdirectory("quickstart-data-");
        await using var app = await ServerProcess.StartAsync(new Dictionary<string, string>
        {
            ["QuickStart__DataDirectory"] = data.FullName,
            ["AzureWebJobsStorage"] = connection,
            ["AzureFunctionsJobHost__extensions__durableTask__hubName"] = hub,
            ["AzureFunctionsJobHost__extensions__durableTask__storageProvider__maxQueuePollingInterval"] = "00:00:00.500",
            ["QuickStart__Enabled"] = "true",
        });

        var output = await app.WaitForOutputAsync("Or watch it live");
        var key = AdminKeyLine().Match(output).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(key), output);
        Assert.Contains($"KEY='{key}'", output, StringComparison.Ordinal);
        Assert.Contains(app.BaseAddress.ToString().TrimEnd('/') + "/api/deployments", output, StringComparison.Ordinal);

        await ExpectPrometheusConfigAsync(app, data, key);

        using var client = app.Client(key);
        var appId = Regex.Match(output, "\"app_id\":\"([0-9a-f-]+)\"").Groups[1].Value;
        using var first = await client.GetAsync($"/api/deployments?app_id={appId}");
        var running = (await first.ReadAsync()).GetProperty("deployments").EnumerateArray().ToList();
        Assert.True(running is [var v1] && v1.GetProperty("status").GetString() == "successful" && v1.GetProperty("revision").GetInt32() == 1,
            $"v1 is not running before the printed canary: {string.Join(", ", running)}");

        var printed = PrintedCommand().Matches(output).Select(m => m.Groups[1].Value).ToList();
        var (keyLine, createLine, followLine) = (printed.Single(c => c.StartsWith("KEY=", StringComparison.Ordinal)),
            printed.Single(c => c.StartsWith("ID=", StringComparison.Ordinal)), printed.Single(c => c.Contains("links.next", StringComparison.Ordinal)));
        var id = (await Shell.RunAsync($"{keyLine}\n{createLine}\necho \"$ID\"")).Trim();
        Assert.True(Guid.TryParse(id, out _), $"the printed create command gave '{id}'\n{app.Output}");
        using var created = await client.GetAsync($"/api/deployments/{id}");
        var deployment = await created.ReadAsync();
        var indexBefore = deployment.GetProperty("modify_index").GetInt64();
        var followed = JsonDocument.Parse(await Shell.RunAsync($"{keyLine}\nID={id}\n{followLine}")).RootElement;
        Assert.True(followed.GetProperty("modify_index").GetInt64() > indexBefore, $"the printed follow command answered before a change: {followed}");
        try
        {
            var status = await Polling.UntilAsync($"deployment {id} to end", async token =>
            {
                using var read = await client.GetAsync($"/api/deployments/{id}?index=0&wait=5s", token);
                var current = await read.ReadAsync();
                return current.TryGetProperty("status", out var value) ? value.GetString() : "pending";
            }, current => current is "successful" or "failed" or "cancelled", TimeSpan.FromSeconds(150),
                describe: last => $"status {last}\n{app.Output}");

            Assert.True(status == "successful", $"status {status}\n{app.Output}");
            Assert.Equal("canary", deployment.GetProperty("strategy").GetString());
        }
        finally
        {
            await domain.StopSampleProcessesAsync(Guid.Parse(deployment.GetProperty("cluster_id").GetString()!));
            data.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The prometheus.yml the start wrote holds the key and points at this server's service discovery endpoint;
    /// the output gives its path and the command, never the key.
    /// </summary>
    private static async Task ExpectPrometheusConfigAsync(ServerProcess app, DirectoryInfo data, string key)
    {
        var output = await app.WaitForOutputAsync("An analysis template");
        var config = Path.Combine(data.FullName, "prometheus.yml");
        Assert.Contains($"prometheus --config.file={config} --web.listen-address=127.0.0.1:9090", output, StringComparison.Ordinal);
        var text = await File.ReadAllTextAsync(config);
        Assert.Contains($"url: '{app.BaseAddress.ToString().TrimEnd('/')}/api/prometheus/targets'", text, StringComparison.Ordinal);
        Assert.Contains($"credentials: '{key}'", text, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(config));
        }

        Assert.True(File.Exists(Path.Combine(data.FullName, "analysis-template-error-rate.json")), output);
        Assert.DoesNotContain(key, output[output.IndexOf("Prometheus, scraping", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [GeneratedRegex(@"Admin key \(shown once[^)]*\): (\S+)")]
    private static partial Regex AdminKeyLine();

    /// <summary>The indented lines of the guide are the commands, each run as printed.</summary>
    [GeneratedRegex(@"^  (\S.*?)\s*$", RegexOptions.Multiline)]
    private static partial Regex PrintedCommand();
}
