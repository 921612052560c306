using Deployments.Orchestrations;

namespace Deployments.Bench;

/// <summary>The storage requests of the worker host over a span, by service.</summary>
internal sealed record TransactionCount(long Tables, long Queues, long Blobs)
{
    public long Total => Tables + Queues + Blobs;

    public static TransactionCount operator -(TransactionCount after, TransactionCount before) =>
        new(after.Tables - before.Tables, after.Queues - before.Queues, after.Blobs - before.Blobs);

    public static TransactionCount operator +(TransactionCount a, TransactionCount b) => new(a.Tables + b.Tables, a.Queues + b.Queues, a.Blobs + b.Blobs);
}

/// <summary>One measured wave of concurrent rollouts, with everything the report derives its figures from.</summary>
internal sealed record WaveResult(
    string Name,
    int Rollouts,
    double WallSeconds,
    double CreateSeconds,
    double CountedSeconds,
    IReadOnlyList<double> DurationsMs,
    TransactionCount Transactions,
    EngineSnapshot Engine,
    long PlatformRequests,
    CpuTime Cpu)
{
    /// <summary>
    /// The activities a rollout orchestration calls. A "rollout step" is one execution of one of these; the
    /// notification orchestrations a status change starts run other activities, whose storage cost still counts
    /// in the host's total but which are not steps of the rollout.
    /// </summary>
    public static readonly IReadOnlySet<string> RolloutActivityNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        RolloutActivities.LoadPlan, RolloutActivities.Update, RolloutActivities.Place, RolloutActivities.Stop,
        RolloutActivities.CheckHealth, RolloutActivities.Complete, RolloutActivities.StartRollback, RolloutActivities.IsFinished,
    };

    public long Steps => Engine.Activities(RolloutActivityNames.Contains);

    public double RolloutsPerMinute => Rollouts / WallSeconds * 60;

    public double StepsPerRollout => Steps / (double)Rollouts;

    public double TransactionsPerStep => Transactions.Total / (double)Steps;

    public double TransactionsPerRollout => Transactions.Total / (double)Rollouts;

    /// <summary>CPU of this process and Azurite over the span the transactions were counted, per rollout, in ms.</summary>
    public double CpuMsPerRollout => Cpu.Total * 1000 / Rollouts;

    /// <summary>Orchestration history appended to the history table: one per checkpointed orchestration step.</summary>
    public double CheckpointsPerRollout => Engine.Event("AppendedInstanceHistory") / (double)Rollouts;

    /// <summary>
    /// Messages the framework put back: mostly a start that raced its own instance row (the provider sends the start
    /// message before it writes the row, and a worker in the same process polls at once), retried after 2, 4, 8 ... s.
    /// </summary>
    public long Abandoned => Engine.Event("AbandoningMessage");

    /// <summary>Messages already gone when the framework came to delete or renew them: processed twice (after their visibility timeout ran out).</summary>
    public long Gone => Engine.Event("MessageGone") + Engine.Event("DuplicateMessageDetected");

    /// <summary>An orchestration's history read back from the table to replay it: the work extended sessions save.</summary>
    public double HistoryLoadsPerRollout => Engine.Event("FetchedInstanceHistory") / (double)Rollouts;

    /// <summary>Over the span the transactions were counted: the wave plus the tail of its notifications.</summary>
    public double TransactionsPerSecond => Transactions.Total / CountedSeconds;

    public Percentiles Duration => Percentiles.Of([.. DurationsMs]);

    /// <summary>Two waves run one after the other, read as one.</summary>
    public WaveResult Add(WaveResult next) => new(Name, Rollouts + next.Rollouts, WallSeconds + next.WallSeconds, CreateSeconds + next.CreateSeconds,
        CountedSeconds + next.CountedSeconds, [.. DurationsMs, .. next.DurationsMs], Transactions + next.Transactions, Engine.Add(next.Engine),
        PlatformRequests + next.PlatformRequests, Cpu + next.Cpu);
}
