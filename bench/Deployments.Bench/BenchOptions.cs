using System.Globalization;

namespace Deployments.Bench;

/// <summary>
/// Command line: <c>--quick</c> (20 rollouts instead of 200), <c>--rollouts N</c>, <c>--healthy-after-ms M</c>
/// (in the last wave, how long the stub platform keeps a new allocation "starting" before it answers healthy;
/// default 2000, so rollouts wait on health the way they do on a real platform).
/// </summary>
internal sealed record BenchOptions(bool Quick, int Rollouts, TimeSpan HealthyAfter, int InstancesPerApp)
{
    public static BenchOptions Parse(string[] args)
    {
        var quick = args.Contains("--quick");
        var rollouts = Value(args, "--rollouts") ?? (quick ? 20 : 200);
        var healthyAfter = TimeSpan.FromMilliseconds(Value(args, "--healthy-after-ms") ?? 2000);
        if (rollouts < 1)
        {
            throw new ArgumentException("--rollouts must be at least 1.");
        }

        return new BenchOptions(quick, rollouts, healthyAfter, InstancesPerApp: 3);
    }

    private static int? Value(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index < 0 ? null
            : index + 1 < args.Length && int.TryParse(args[index + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value
            : throw new ArgumentException($"{name} needs an integer value.");
    }
}
