using Deployments.Functions.Http;
using Deployments.Service;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Deployments.Functions.Workflows;

/// <summary>
/// The recovery pass (<see cref="DeploymentRecovery.RecoverAsync"/>) under the Functions host. The self-host runs
/// it as a background service; a Functions worker has no Durable Functions client outside an invocation, so
/// here a timer function binds one. The host runs each occurrence on one instance at a time.
/// </summary>
/// <remarks>
/// Once a minute, not at the self-host's 10 s: on Flex Consumption every occurrence wakes an instance and is
/// billed for at least a second of its memory, so a 10 s timer would keep the app busy around the clock (about
/// six times the cost; README "Cost of the recovery pass on Flex Consumption"). What the pass repairs is rare (a process dying between
/// writing a deployment and starting its orchestration), and any command to such a deployment launches it at
/// once, so a minute's wait is the price of a crash, not of normal work.
/// </remarks>
public sealed partial class RecoveryFunction(DeploymentRecovery deployments, IOptions<DeploymentServiceOptions> options, ILogger<RecoveryFunction> logger)
{
    /// <summary>At the start of every minute.</summary>
    public const string Schedule = "0 * * * * *";

    /// <summary>One recovery pass: repairs what a crash between two writes left behind, and logs how many deployments it had to launch.</summary>
    [Function("RecoverDeployments")]
    public async Task RunAsync([TimerTrigger(Schedule)] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        using (InvocationDurableTaskClient.Bind(client))
        {
            if (await deployments.RecoverAsync(options.Value.RecoverySettle, cancellationToken) is > 0 and var launched)
            {
                Launched(logger, launched);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recovery pass launched {Count} deployment(s) whose orchestration never started")]
    private static partial void Launched(ILogger logger, int count);
}
