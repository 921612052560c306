using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.DurableTask;

namespace Deployments.HostExtension.Tests.Infrastructure;

/// <summary>
/// An orchestrator function that never runs: the extension starts its orchestration service (and so creates the
/// task hub) only when the host starts an orchestration trigger's listener, and this gives the host one.
/// </summary>
public static class HubProbeOrchestrator
{
    [FunctionName(nameof(HubProbeOrchestrator))]
    public static Task RunAsync([OrchestrationTrigger] IDurableOrchestrationContext context) => Task.CompletedTask;
}
