namespace Deployments.Engine;

/// <summary>
/// Opened around every activity the worker runs, so the application can put what the call is about (the
/// deployment an instance id names, say) into the log scope of everything the activity logs. The engine knows
/// nothing of what instance ids mean; registering one is optional.
/// </summary>
public interface ITaskActivityScope
{
    IDisposable? Enter(string activityName, string instanceId);
}
