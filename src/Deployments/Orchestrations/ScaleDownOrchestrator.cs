using Deployments.Service;
using Microsoft.DurableTask;

namespace Deployments.Orchestrations;

/// <summary>Stops a set of allocations through their driver, with retries, outside any request.</summary>
public sealed class ScaleDownOrchestrator : TaskOrchestrator<StopRequest, int>
{
    public const string Name = WorkflowNames.ScaleDown;

    private static readonly RetryPolicy Retry = new(maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2);

    public override Task<int> RunAsync(TaskOrchestrationContext context, StopRequest input) =>
        context.CallActivityAsync<int>(RolloutActivities.Stop, input, TaskOptions.FromRetryPolicy(Retry));
}
