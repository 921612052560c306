using Deployments.Orchestrations;

namespace Deployments.Bench;

/// <summary>The storage requests of the worker host over a span, by service.</summary>
internal sealed record TransactionCount(long Tables, long Queues, long Blobs)
{
    public long Total => Tables + Queues + Blobs;

    public static TransactionCount operator -(TransactionCount after, TransactionCount before) =>
        new(after.Tables - before.Tables, after.Queues - before.Queues, after.Blobs - before.Blobs);
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
    long PlatformRequests)
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

    /// <summary>Over the span the transactions were counted: the wave plus the tail of its notifications.</summary>
    public double TransactionsPerSecond => Transactions.Total / CountedSeconds;

    public Percentiles Duration => Percentiles.Of([.. DurationsMs]);
}
