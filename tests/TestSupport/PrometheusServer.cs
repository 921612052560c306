using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Xunit;

namespace TestSupport;

/// <summary>
/// A real Prometheus (Debian's <c>prometheus</c> package) as a child process: scraping one target every second,
/// its web API on a free port of 127.0.0.1 and its storage in a temporary folder, both gone on dispose.
/// </summary>
/// <remarks>
/// Missing Prometheus skips the calling test on a developer's machine and fails it on CI (where <c>.ci/run</c>
/// installs it), as <see cref="AzuriteFixture"/> does for Azurite.
/// </remarks>
public sealed class PrometheusServer : IAsyncDisposable
{
    public const string Binary = "/usr/bin/prometheus";

    private readonly Process process;
    private readonly DirectoryInfo directory;
    private readonly StringBuilder output = new();
    private readonly HttpClient http;
    private int disposed;

    private PrometheusServer(Process process, DirectoryInfo directory, Uri baseAddress)
    {
        this.process = process;
        this.directory = directory;
        http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Where its HTTP API listens (http://127.0.0.1:port), for clients under test.</summary>
    public Uri Address => http.BaseAddress!;

    /// <summary>Prometheus's own log, for a failure message.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Skips the test here (fails it on CI) unless Prometheus is installed.</summary>
    public static void RequireInstalled()
    {
        if (File.Exists(Binary))
        {
            return;
        }

        var missing = $"Prometheus is not installed ({Binary}); apt-get install prometheus (.ci/run does).";
        if (CiEnvironment.IsCi)
        {
            throw new InvalidOperationException("Prometheus is required on CI (the CI environment variable is set): " + missing);
        }

        Assert.Skip(missing);
    }

    /// <summary>Starts Prometheus scraping <paramref name="target"/> (the full scrape URL) every second, and waits until it is ready.</summary>
    public static Task<PrometheusServer> StartAsync(Uri target) => StartWithConfigurationAsync(string.Join('\n',
        "global:",
        "  scrape_interval: 1s",
        "  evaluation_interval: 1s",
        "scrape_configs:",
        "  - job_name: control-plane",
        $"    metrics_path: {target.AbsolutePath}",
        "    static_configs:",
        $"      - targets: ['{target.Host}:{target.Port}']",
        ""));

    /// <summary>
    /// Starts Prometheus finding its targets through HTTP service discovery at <paramref name="targetsUrl"/> (the
    /// control plane's /api/prometheus/targets), sending <paramref name="key"/> as its Bearer credentials; it asks for
    /// targets and scrapes them every second. Waits until it is ready.
    /// </summary>
    public static Task<PrometheusServer> StartWithServiceDiscoveryAsync(Uri targetsUrl, string key) => StartWithConfigurationAsync(string.Join('\n',
        "global:",
        "  scrape_interval: 1s",
        "  evaluation_interval: 1s",
        "scrape_configs:",
        "  - job_name: allocations",
        "    http_sd_configs:",
        $"      - url: '{targetsUrl}'",
        "        refresh_interval: 1s",
        "        authorization:",
        "          type: Bearer",
        $"          credentials: '{key}'",
        ""));

    private static async Task<PrometheusServer> StartWithConfigurationAsync(string configuration)
    {
        RequireInstalled();
        var directory = Directory.CreateTempSubdirectory("prometheus-test-");
        var config = Path.Combine(directory.FullName, "prometheus.yml");
        await File.WriteAllTextAsync(config, configuration);
        var port = LoopbackPorts.Free();
        var start = new ProcessStartInfo(Binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            $"--config.file={config}",
            $"--storage.tsdb.path={Path.Combine(directory.FullName, "data")}",
            $"--web.listen-address=127.0.0.1:{port}",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var server = new PrometheusServer(Process.Start(start)!, directory, new Uri($"http://127.0.0.1:{port}"));
        try
        {
            await Polling.UntilAsync("Prometheus to be ready", async token =>
            {
                if (server.process.HasExited)
                {
                    throw new InvalidOperationException($"Prometheus exited with {server.process.ExitCode}: {server.Output}");
                }

                try
                {
                    return (await server.http.GetAsync("/-/ready", token)).IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            }, ready => ready, TimeSpan.FromSeconds(30));
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>The value of an instant query that yields one number (a <c>sum(...)</c>, say); null while it yields nothing.</summary>
    public async Task<double?> QueryScalarAsync(string promQl, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"/api/v1/query?query={Uri.EscapeDataString(promQl)}", cancellationToken);
        response.EnsureSuccessStatusCode();
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var results = answer.RootElement.GetProperty("data").GetProperty("result");
        return results.GetArrayLength() == 0
            ? null
            : double.Parse(results[0].GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);
    }

    /// <summary>The label sets of the series an instant query yields; empty while it yields none.</summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> QuerySeriesAsync(string promQl, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"/api/v1/query?query={Uri.EscapeDataString(promQl)}", cancellationToken);
        response.EnsureSuccessStatusCode();
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return [.. answer.RootElement.GetProperty("data").GetProperty("result").EnumerateArray()
            .Select(series => (IReadOnlyDictionary<string, string>)series.GetProperty("metric").EnumerateObject()
                .ToDictionary(label => label.Name, label => label.Value.GetString() ?? "", StringComparer.Ordinal))];
    }

    /// <summary>The health of every target as Prometheus sees it, with its labels and last error: for a failure message.</summary>
    public async Task<string> TargetsAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("/api/v1/targets", cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <summary>The health of the scrape target as Prometheus sees it ("up", "down", "unknown"), with its last error.</summary>
    public async Task<string> TargetHealthAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("/api/v1/targets", cancellationToken);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var targets = answer.RootElement.GetProperty("data").GetProperty("activeTargets");
        return targets.GetArrayLength() == 0
            ? "no target"
            : $"{targets[0].GetProperty("health").GetString()} {targets[0].GetProperty("lastError").GetString()}".Trim();
    }

    /// <summary>Stops Prometheus and removes its folder; a second call (a test stopped it mid-run, then its cleanup) does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        http.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        try
        {
            directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the dying process: the temporary folder is left to the OS.
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}
