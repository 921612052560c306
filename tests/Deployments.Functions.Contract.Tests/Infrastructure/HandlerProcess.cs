using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Deployments.Functions.Contract.Tests.Infrastructure;

/// <summary>
/// The built app started as the Functions host starts a custom handler: <c>dotnet Deployments.Functions.dll</c>
/// in the app's folder with <c>FUNCTIONS_CUSTOMHANDLER_PORT</c> set, so it listens there and runs no queue
/// workers of its own. Also runs it self-hosted (no port variable) for the quick-start test.
/// </summary>
internal sealed class HandlerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private HandlerProcess(Process process, Uri baseAddress)
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

    public static async Task<HandlerProcess> StartAsync(IReadOnlyDictionary<string, string> environment, bool underFunctionsHost = true)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppOutput.Directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(AppOutput.Dll);
        if (underFunctionsHost)
        {
            start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else
        {
            start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var handler = new HandlerProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
        await handler.WaitUntilLiveAsync();
        return handler;
    }

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
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The handler exited with {process.ExitCode}:\n{Output}");
            }

            try
            {
                using var live = await client.GetAsync("/api/health/live");
                if (live.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The handler did not answer on {BaseAddress} within 60 s:\n{Output}");
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
