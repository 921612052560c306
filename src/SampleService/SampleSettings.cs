using System.Globalization;

namespace SampleService;

/// <summary>
/// What the sample reads from its environment and command line. Command-line flags win over environment variables
/// so a quick-start user can flip one instance without touching the environment it shares with others.
/// </summary>
internal sealed record SampleSettings(int Port, string Version, string AllocationId, bool FailHealth)
{
    private const int DefaultPort = 8080;

    public static SampleSettings From(string[] args, Func<string, string?> environment)
    {
        var port = int.TryParse(environment("PORT"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : DefaultPort;
        var version = Option(args, "--version") ?? environment("VERSION") ?? "1";
        var allocationId = environment("ALLOCATION_ID") ?? "";
        var failHealth = IsTrue(Flag(args, "--fail-health") ?? environment("FAIL_HEALTH"));
        return new SampleSettings(port, version, allocationId, failHealth);
    }

    /// <summary>"--name value" or "--name=value".</summary>
    private static string? Option(string[] args, string name)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith(name + "=", StringComparison.Ordinal))
            {
                return args[i][(name.Length + 1)..];
            }

            if (args[i] == name && i + 1 < args.Length)
            {
                return args[i + 1];
            }
        }

        return null;
    }

    /// <summary>A bare "--name" means true; "--name=false" can still say no.</summary>
    private static string? Flag(string[] args, string name) =>
        args.Contains(name) ? "true" : Option(args, name);

    private static bool IsTrue(string? value) =>
        value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");
}
