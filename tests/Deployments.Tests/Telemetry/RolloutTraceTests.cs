using System.Collections.Concurrent;
using System.Diagnostics;
using Deployments.Engine;
using Deployments.Tests.Infrastructure;
using TestSupport;

namespace Deployments.Tests.Telemetry;

/// <summary>
/// The Durable Task Framework's spans of a rollout join the trace of whatever started it: the engine's client puts
/// the trace context on the orchestration's start event, which the framework needs before it emits them.
/// </summary>
public sealed class RolloutTraceTests(AzuriteFixture azurite)
{
    private const string CallerName = "Deployments.Tests.Caller";

    private static readonly ActivitySource Caller = new(CallerName);

    [Fact]
    public async Task RolloutSpans_JoinTheTraceOfTheRequestThatStartedIt()
    {
        var spans = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "DurableTask.Core" or OrchestrationTracing.SourceName or CallerName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        await using var host = await DeploymentsTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName("traces"));
        var app = await host.CreateSampleAppAsync(await host.CreateLocalClusterAsync(), instances: 1);

        ActivityTraceId trace;
        using (var request = Caller.StartActivity("POST /api/deployments")!)
        {
            trace = request.TraceId;
            await host.DeploySuccessfullyAsync(app.Id);
        }

        var names = await Polling.UntilAsync("the rollout's spans", _ => Task.FromResult(spans.Where(s => s.TraceId == trace).Select(s => $"{s.Kind} {s.DisplayName}").ToHashSet()),
            seen => seen.Contains("Server orchestration:Rollout") && seen.Contains("Server activity:CompleteRollout"), DeploymentsTestHost.DefaultTimeout);
        Assert.Contains("Producer create_orchestration:Rollout", names);
        Assert.Contains("Server activity:LoadRolloutPlan", names);
        Assert.Contains("Server activity:UpdateDeployment", names);
    }
}
