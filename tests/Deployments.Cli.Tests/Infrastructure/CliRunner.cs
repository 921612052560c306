using Spectre.Console.Testing;

namespace Deployments.Cli.Tests.Infrastructure;

/// <summary>What one deployctl run printed and how it exited.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error)
{
    public IReadOnlyList<string> Lines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}

/// <summary>
/// Runs deployctl in this process, as a user would type it, against a control plane reached through the
/// environment variables (DEPLOYCTL_URL, DEPLOYCTL_KEY) and with a profiles file of the test's own.
/// </summary>
public sealed class CliRunner(ControlPlaneServer? server, string? profilesPath = null)
{
    public string ProfilesPath { get; } = profilesPath ?? Path.Combine(Directory.CreateTempSubdirectory("deployctl-").FullName, "profiles.json");

    /// <summary>What the commands read from stdin (a file option given as '-'); nothing when null.</summary>
    public string? Stdin { get; init; }

    /// <summary>Stdout as a terminal (the live view redraws) instead of a pipe (one line per change).</summary>
    public Task<CliResult> RunOnTerminalAsync(params string[] args) => RunAsync(interactive: true, variables: null, args);

    public Task<CliResult> RunAsync(params string[] args) => RunAsync(interactive: false, variables: null, args);

    public async Task<CliResult> RunAsync(bool interactive, IReadOnlyDictionary<string, string>? variables, params string[] args)
    {
        var console = new TestConsole().Width(160);
        console.Profile.Height = 200;
        if (interactive)
        {
            console.Interactive();
        }

        var error = new StringWriter();
        var environment = new CliEnvironment(console, error, interactive, name => Variable(variables, name), ProfilesPath, TimeProvider.System,
            Stdin is null ? null : new StringReader(Stdin));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Scenario.DefaultTimeout);
        var exitCode = await DeployCtl.RunAsync(args, environment, timeout.Token);
        return new CliResult(exitCode, console.Output, error.ToString());
    }

    private string? Variable(IReadOnlyDictionary<string, string>? variables, string name)
    {
        if (variables is not null && variables.TryGetValue(name, out var value))
        {
            return value;
        }

        return name switch
        {
            "DEPLOYCTL_URL" => server?.BaseAddress.ToString(),
            "DEPLOYCTL_KEY" => server?.Http.DefaultRequestHeaders.GetValues("x-functions-key").Single(),
            _ => null,
        };
    }
}
