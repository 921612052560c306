using System.Diagnostics;

namespace Deployments.Functions.Contract.Tests.Infrastructure;

/// <summary>Runs commands the way a user pastes them into bash, failing the test with their error output when they fail.</summary>
internal static class Shell
{
    public static async Task<string> RunAsync(string script)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-eo");
        start.ArgumentList.Add("pipefail");
        using var bash = Process.Start(start)!;
        await bash.StandardInput.WriteAsync(script);
        bash.StandardInput.Close();
        var output = bash.StandardOutput.ReadToEndAsync();
        var error = bash.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await bash.WaitForExitAsync(timeout.Token);
        Assert.True(bash.ExitCode == 0, $"bash exited {bash.ExitCode}: {await error}\n{script}");
        return await output;
    }
}
