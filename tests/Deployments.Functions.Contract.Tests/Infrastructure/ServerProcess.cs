using System.Diagnostics;
using System.Net;
using System.Text;
using TestSupport;

namespace Deployments.Functions.Contract.Tests.Infrastructure;

/// <summary>
/// The built self-host started as a newcomer starts it (<c>dotnet Deployments.Server.dll</c> in its build
/// folder), listening on a free port of 127.0.0.1, its output captured.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private ServerProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

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

    public static async Task<ServerProcess> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var port = LoopbackPorts.Free();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppOutput.Directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(AppOutput.Dll);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        // Servers run side by side: the default metrics port (127.0.0.1:9464) would be taken by the first.
        start.Environment["SelfHost__Metrics__Url"] = "off";

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var server = new ServerProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
        await server.WaitUntilLiveAsync();
        return server;
    }

    /// <summary>Waits until the server has printed <paramref name="text"/>, and returns its output as it was then.</summary>
    public Task<string> WaitForOutputAsync(string text, TimeSpan? timeout = null) =>
        Polling.UntilAsync($"'{text}' in the server's output", _ => Task.FromResult(Output),
            output => output.Contains(text, StringComparison.Ordinal), timeout ?? TimeSpan.FromSeconds(60),
            describe: output => $"the output\n{output}");

    public HttpClient Client(string? key = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("x-functions-key", key);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private async Task WaitUntilLiveAsync()
    {
        using var client = Client();
        await Polling.UntilAsync($"the server to answer on {BaseAddress}", async token =>
        {
            // A server that stopped will never answer: fail now, with what it printed, rather than at the deadline.
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with {process.ExitCode}:\n{Output}");
            }

            try
            {
                using var live = await client.GetAsync("/api/health/live", token);
                return (HttpStatusCode?)live.StatusCode;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
                return null;
            }
        }, status => status == HttpStatusCode.OK, TimeSpan.FromSeconds(60),
            describe: status => $"{status?.ToString() ?? "no answer"}\n{Output}");
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
