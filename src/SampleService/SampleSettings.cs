using System.Globalization;

namespace SampleService;

/// <summary>
/// What the sample reads from its environment and command line. Command-line flags win over environment variables
/// so a quick-start user can flip one instance without touching the environment it shares with others.
/// </summary>
/// <param name="ErrorRate">The fraction (0 to 1) of requests to <c>/</c> that answer 500, for a canary that should fail.</param>
/// <param name="Latency">Added to every request to <c>/</c>, for a canary that should be too slow.</param>
/// <param name="LoadRps">Requests per second the sample sends to its own <c>/</c>; 0 sends none.</param>
internal sealed record SampleSettings(
    int Port, string Version, string AllocationId, bool FailHealth, double ErrorRate, TimeSpan Latency, int LoadRps)
{
    private const int DefaultPort = 8080;

    public static SampleSettings From(string[] args, Func<string, string?> environment)
    {
        var port = int.TryParse(environment("PORT"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : DefaultPort;
        var version = Option(args, "--version") ?? environment("VERSION") ?? "1";
        var allocationId = environment("ALLOCATION_ID") ?? "";
        var failHealth = IsTrue(Flag(args, "--fail-health") ?? environment("FAIL_HEALTH"));
        var errorRate = Math.Clamp(Number(Option(args, "--error-rate") ?? environment("ERROR_RATE")), 0, 1);
        var latency = TimeSpan.FromMilliseconds(Math.Max(0, Number(Option(args, "--latency-ms") ?? environment("LATENCY_MS"))));
        var loadRps = (int)Math.Max(0, Number(Option(args, "--load-rps") ?? environment("LOAD_RPS")));
        return new SampleSettings(port, version, allocationId, failHealth, errorRate, latency, loadRps);
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

    /// <summary>A setting that is missing or not a finite number means "off" rather than a failed start.</summary>
    private static double Number(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) ? number : 0;
}
