using Deployments.Service;
using Microsoft.DurableTask;

namespace Deployments.Orchestrations;

/// <summary>Stops a set of allocations through their driver, with retries, outside any request.</summary>
public sealed class ScaleDownOrchestrator : TaskOrchestrator<StopRequest, int>
{
    /// <summary>Name the orchestration is registered and scheduled under.</summary>
    public const string Name = WorkflowNames.ScaleDown;

    private static readonly RetryPolicy Retry = new(maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2);

    /// <summary>Stops the requested allocations and returns how many were stopped.</summary>
    public override Task<int> RunAsync(TaskOrchestrationContext context, StopRequest input) =>
        context.CallActivityAsync<int>(RolloutActivities.Stop, input, TaskOptions.FromRetryPolicy(Retry));
}
