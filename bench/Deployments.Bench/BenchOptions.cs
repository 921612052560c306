using System.Globalization;

namespace Deployments.Bench;

/// <summary>
/// Command line: <c>--quick</c> (smoke run, about 3 minutes: 10 rollouts per wave, small settings rows), <c>--rollouts N</c> (rollouts per
/// wave), <c>--analysis-rollouts N</c> (canaries in each wave of the analysis scenario; 4 quick, 8 otherwise), <c>--healthy-after-ms M</c> (in the last wave, how long the stub platform keeps a new allocation "starting"
/// before it answers healthy; default 2000), <c>--burst N</c> (rollouts at once in each row of the settings table),
/// <c>--idle-s S</c> (how long each settings row sits idle before a rollout is started from another host),
/// <c>--waves-only</c> / <c>--settings-only</c> (run one of the two parts).
/// </summary>
internal sealed record BenchOptions(
    bool Quick, int Rollouts, int AnalysisRollouts, TimeSpan HealthyAfter, int InstancesPerApp, int Burst, int LoneRollouts, int OtherInstanceRollouts, TimeSpan Idle, bool Waves, bool Settings)
{
    public static BenchOptions Parse(string[] args)
    {
        var quick = args.Contains("--quick");
        var rollouts = Value(args, "--rollouts") ?? (quick ? 10 : 40);
        var burst = Value(args, "--burst") ?? (quick ? 8 : 30);
        if (rollouts < 1 || burst < 1)
        {
            throw new ArgumentException("--rollouts and --burst must be at least 1.");
        }

        var wavesOnly = args.Contains("--waves-only");
        var settingsOnly = args.Contains("--settings-only");
        var analysisRollouts = Value(args, "--analysis-rollouts") ?? (quick ? 4 : 8);
        if (analysisRollouts < 1)
        {
            throw new ArgumentException("--analysis-rollouts must be at least 1.");
        }

        return new BenchOptions(quick, rollouts, analysisRollouts, TimeSpan.FromMilliseconds(Value(args, "--healthy-after-ms") ?? 2000), InstancesPerApp: 3,
            burst, LoneRollouts: quick ? 1 : 2, OtherInstanceRollouts: quick ? 2 : 4, TimeSpan.FromSeconds(Value(args, "--idle-s") ?? (quick ? 5 : 30)), Waves: !settingsOnly, Settings: !wavesOnly);
    }

    private static int? Value(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index < 0 ? null
            : index + 1 < args.Length && int.TryParse(args[index + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value
            : throw new ArgumentException($"{name} needs an integer value.");
    }
}
