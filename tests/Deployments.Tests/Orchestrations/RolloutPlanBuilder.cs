using Deployments.Model;
using Deployments.Orchestrations;

namespace Deployments.Tests.Orchestrations;

/// <summary>
/// Rollout plans for orchestrator tests: one group ("web") moving from revision 1 (running on every desired
/// instance) to revision 2, one instance at a time, with revision 1 as the stable one; each test changes what it is about.
/// </summary>
internal sealed class RolloutPlanBuilder
{
    public const string Group = "web";
    public const int OldRevision = 1;
    public const int NewRevision = 2;

    public static readonly Guid DeploymentId = Guid.Parse("d0000000-0000-0000-0000-000000000001");
    public static readonly Guid AppId = Guid.Parse("a0000000-0000-0000-0000-000000000001");

    private Strategy strategy = Strategy.Rolling;
    private CanaryStep[] steps = [];
    private int instances = 3;
    private int? stableRevision = OldRevision;
    private Guid? waitFor;
    private List<PlannedAllocation>? existing;
    private DeploymentOptions options = new() { MaxInFlight = 1, MinHealthyTime = TimeSpan.Zero };

    public static RolloutPlanBuilder Rolling(int instances) => new() { instances = instances };

    public static RolloutPlanBuilder Canary(int instances, params CanaryStep[] steps) =>
        new() { strategy = Strategy.Canary, instances = instances, steps = steps };

    /// <summary>The allocations revision 1 runs on before the rollout: ids 01, 02, ... so a test can name them.</summary>
    public static Guid OldAllocationId(int index) => new(0x0A110C00 + index, 0, 0, new byte[8]);

    /// <summary>The allocations a revision runs on besides revision 1's: ids 0A110C01-0005-..., named by <see cref="AllocationId"/>.</summary>
    public static Guid AllocationId(int revision, int index) => new(0x0A110C00 + index, (short)revision, 0, new byte[8]);

    /// <summary>
    /// What runs before the rollout, revision by revision (revision 1 keeps the ids of <see cref="OldAllocationId"/>),
    /// instead of revision 1 on every desired instance.
    /// </summary>
    public RolloutPlanBuilder Running(params (int Revision, int Count)[] revisions)
    {
        existing = [.. revisions.SelectMany(r => Enumerable.Range(1, r.Count).Select(i =>
            new PlannedAllocation(r.Revision == OldRevision ? OldAllocationId(i) : AllocationId(r.Revision, i), Group, r.Revision, Canary: false)))];
        return this;
    }

    public RolloutPlanBuilder MaxInFlight(int count) => With(o => o with { MaxInFlight = count });

    public RolloutPlanBuilder AutoRevert() => With(o => o with { AutoRevert = true });

    public RolloutPlanBuilder WithoutStableRevision()
    {
        stableRevision = null;
        return this;
    }

    /// <summary>The plan of a deployment created while another of the app still runs: it starts once that one has ended.</summary>
    public RolloutPlanBuilder WaitingFor(Guid deploymentId)
    {
        waitFor = deploymentId;
        return this;
    }

    public RolloutPlanBuilder With(Func<DeploymentOptions, DeploymentOptions> change)
    {
        options = change(options);
        return this;
    }

    public RolloutPlan Build() => new(
        DeploymentId,
        AppId,
        strategy,
        options with { Steps = steps },
        NewRevision,
        OldRevision,
        new Dictionary<string, int> { [Group] = instances },
        steps,
        existing ?? [.. Enumerable.Range(1, instances).Select(i => new PlannedAllocation(OldAllocationId(i), Group, OldRevision, Canary: false))],
        WaitForDeploymentId: waitFor,
        Instant: false,
        stableRevision,
        new Dictionary<string, int> { [Group] = instances });
}
