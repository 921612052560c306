using Spectre.Console;

namespace Deployments.Cli;

/// <summary>
/// Everything a command touches outside itself: the console it renders to, where errors go, the process
/// environment and the profiles file. Tests pass a TestConsole and a temporary profiles file.
/// </summary>
/// <param name="Out">Rendered output (tables, the live view, JSON).</param>
/// <param name="Error">Refusals and failures, one line each, kept off stdout so <c>-o json</c> stays parseable.</param>
/// <param name="Interactive">Whether stdout is a terminal: the live view redraws there, and prints one line per change elsewhere.</param>
/// <param name="Variable">Reads an environment variable (DEPLOYCTL_URL, DEPLOYCTL_KEY, DEPLOYCTL_PROFILE).</param>
/// <param name="ProfilesPath">The profiles file <c>deployctl login</c> writes.</param>
/// <param name="Input">Stdin, read where a file option is given as <c>-</c>; nothing when absent.</param>
internal sealed record CliEnvironment(
    IAnsiConsole Out,
    TextWriter Error,
    bool Interactive,
    Func<string, string?> Variable,
    string ProfilesPath,
    TimeProvider Time,
    TextReader? Input = null)
{
    public static CliEnvironment FromProcess()
    {
        var interactive = !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Out),
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        return new CliEnvironment(console, Console.Error, interactive, Environment.GetEnvironmentVariable,
            Environment.GetEnvironmentVariable("DEPLOYCTL_CONFIG") ?? DefaultProfilesPath(), TimeProvider.System, Console.In);
    }

    /// <summary>~/.config/deployctl/profiles.json (XDG_CONFIG_HOME respected), %APPDATA%\deployctl on Windows.</summary>
    private static string DefaultProfilesPath()
    {
        var root = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } xdg
            ? xdg
            : Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return Path.Combine(root, "deployctl", "profiles.json");
    }
}
