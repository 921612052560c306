using System.Diagnostics;

namespace Durable.Tests.Infrastructure;

/// <summary>
/// The sample program running as a worker in its own process (<c>--worker</c>), so a test can kill
/// it the hard way: no shutdown, no hand-back of leases, exactly like a crashed machine.
/// </summary>
internal sealed class SampleWorkerProcess : IAsyncDisposable
{
    private const string ReadyLine = "worker ready";
    private readonly Process process;
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> output = [];

    private SampleWorkerProcess(Process process) => this.process = process;

    public static async Task<SampleWorkerProcess> StartAsync(string connectionString, string hubName, IReadOnlyDictionary<string, string> settings, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(LocateSampleDll());
        start.ArgumentList.Add("--worker");
        start.ArgumentList.Add($"--AzureWebJobsStorage={connectionString}");
        start.ArgumentList.Add($"--{DurableTaskOptions.HostJsonSection}:hubName={hubName}");
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{DurableTaskOptions.HostJsonSection}:{key}={value}");
        }

        var worker = new SampleWorkerProcess(new Process { StartInfo = start });
        worker.process.OutputDataReceived += (_, line) => worker.Record(line.Data);
        worker.process.ErrorDataReceived += (_, line) => worker.Record(line.Data);
        worker.process.Start();
        worker.process.BeginOutputReadLine();
        worker.process.BeginErrorReadLine();
        try
        {
            await worker.ready.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            await worker.DisposeAsync();
            throw new TimeoutException($"The sample worker did not report ready within {timeout}. Output:\n{worker.Output}");
        }

        return worker;
    }

    public string Output
    {
        get
        {
            lock (output)
            {
                return string.Join('\n', output);
            }
        }
    }

    /// <summary>SIGKILL: the process gets no chance to finish, settle or release anything.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Add(line);
        }

        if (line.Contains(ReadyLine, StringComparison.Ordinal))
        {
            ready.TrySetResult();
        }
    }

    /// <summary>The test project builds the sample (a project reference without the assembly); find its output by configuration.</summary>
    private static string LocateSampleDll()
    {
        // AppContext.BaseDirectory is .../tests/Durable.Tests/bin/{Configuration}/{TargetFramework}/
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = output.Name;
        var configuration = output.Parent!.Name;
        for (var directory = output; directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "src", "Durable.Sample", "bin", configuration, framework, "Durable.Sample.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"Durable.Sample.dll ({configuration}/{framework}) was not found above {AppContext.BaseDirectory}; build the test project first.");
    }
}
