using Deployments.Functions.Http;
using Deployments.Service;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Deployments.Functions.Workflows;

/// <summary>
/// The recovery pass (<see cref="DeploymentService.RecoverAsync"/>) under the Functions host. The self-host runs
/// it as a background service; a Functions worker has no Durable Functions client outside an invocation, so
/// here a timer function binds one. The host runs each occurrence on one instance at a time.
/// </summary>
public sealed partial class RecoveryFunction(DeploymentService deployments, IOptions<DeploymentServiceOptions> options, ILogger<RecoveryFunction> logger)
{
    /// <summary>Every ten seconds, the self-host's <see cref="DeploymentServiceOptions.RecoveryInterval"/>.</summary>
    public const string Schedule = "*/10 * * * * *";

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
