using Microsoft.Extensions.Logging;

namespace Deployments.Telemetry;

/// <summary>
/// Both hosts open this around each activity (the self-host's worker and the Functions app's activity functions):
/// the activity's logs, and the drivers' logs it causes, carry the deployment its orchestration instance is for.
/// </summary>
public sealed class DeploymentActivityScope(ILoggerFactory loggers)
{
    private readonly ILogger logger = loggers.CreateLogger("Deployments.Activities");

    /// <summary>A log scope naming the deployment <paramref name="instanceId"/> works for, or none when it names none.</summary>
    public IDisposable? Enter(string activityName, string instanceId) => DeploymentLogScope.BeginForInstance(logger, instanceId);
}
