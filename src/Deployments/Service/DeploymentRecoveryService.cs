using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Deployments.Service;

/// <summary>
/// Runs <see cref="DeploymentRecovery.RecoverAsync"/> every <see cref="DeploymentServiceOptions.RecoveryInterval"/>
/// beside the worker, so what a process left half-written when it died is finished within a bounded time
/// (settle time plus one interval). Every host may run it: launching and re-indexing are safe to repeat.
/// </summary>
internal sealed partial class DeploymentRecoveryService(
    DeploymentRecovery deployments, IOptions<DeploymentServiceOptions> options, TimeProvider time, ILogger<DeploymentRecoveryService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RecoveryInterval, time);
        do
        {
            try
            {
                if (await deployments.RecoverAsync(options.Value.RecoverySettle, stoppingToken) is > 0 and var launched)
                {
                    Launched(logger, launched);
                }
            }
            catch (Exception failure) when (!stoppingToken.IsCancellationRequested)
            {
                // Storage briefly away, say: the next pass tries again.
                PassFailed(logger, failure);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recovery pass launched {Count} deployment(s) whose orchestration never started")]
    private static partial void Launched(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recovery pass failed; the next one tries again")]
    private static partial void PassFailed(ILogger logger, Exception failure);
}
