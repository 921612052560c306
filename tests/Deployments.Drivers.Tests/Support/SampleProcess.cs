using System.Diagnostics;
using System.Globalization;
using System.Text;
using TestSupport;

namespace Deployments.Drivers.Tests.Support;

/// <summary>
/// The sample service as a real child process on a free loopback port, with the environment a test gives it;
/// killed on dispose. For tests of the sample itself, without a driver in between.
/// </summary>
internal sealed class SampleProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private SampleProcess(Process process, int port)
    {
        this.process = process;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public HttpClient Http { get; }

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

    /// <summary>Starts the sample with <paramref name="environment"/> and waits until /health answers.</summary>
    public static async Task<SampleProcess> StartAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var port = LoopbackPorts.Free();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(SampleServiceBinary.Path);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PORT"] = port.ToString(CultureInfo.InvariantCulture);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var sample = new SampleProcess(Process.Start(start)!, port);
        try
        {
            await Polling.UntilAsync("the sample to answer /health", async token =>
            {
                if (sample.process.HasExited)
                {
                    throw new InvalidOperationException($"The sample exited with {sample.process.ExitCode}: {sample.Output}");
                }

                try
                {
                    return (await sample.Http.GetAsync(new Uri("health", UriKind.Relative), token)).IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            }, healthy => healthy, Waits.Timeout, Waits.Interval);
        }
        catch
        {
            await sample.DisposeAsync();
            throw;
        }

        return sample;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
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
