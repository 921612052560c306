using Microsoft.Extensions.DependencyInjection;

namespace Deployments.Engine;

/// <summary>
/// Opened around every activity the worker runs, so the application can put what the call is about (the
/// deployment an instance id names, say) into the log scope of everything the activity logs. The engine knows
/// nothing of what instance ids mean; registering one is optional.
/// </summary>
internal interface ITaskActivityScope
{
    IDisposable? Enter(string activityName, string instanceId);
}

/// <summary>Lets a host open an application's scope around activities without the application knowing this engine.</summary>
public static class TaskActivityScopeServiceCollectionExtensions
{
    /// <summary>Around every activity, <paramref name="enter"/> is called on the registered <typeparamref name="TScope"/>.</summary>
    public static IServiceCollection AddTaskActivityScope<TScope>(this IServiceCollection services, Func<TScope, string, string, IDisposable?> enter)
        where TScope : notnull =>
        services.AddSingleton<ITaskActivityScope>(provider => new DelegatingScope<TScope>(provider.GetRequiredService<TScope>(), enter));

    private sealed class DelegatingScope<TScope>(TScope scope, Func<TScope, string, string, IDisposable?> enter) : ITaskActivityScope
    {
        public IDisposable? Enter(string activityName, string instanceId) => enter(scope, activityName, instanceId);
    }
}
