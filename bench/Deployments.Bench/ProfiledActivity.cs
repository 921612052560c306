using System.Diagnostics;
using Deployments.Engine;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace Deployments.Bench;

/// <summary>
/// Runs activity <typeparamref name="T"/> exactly as the engine would (resolved in the call's own scope), timing it and
/// labelling the storage requests it sends with its name, so the profile can say which step costs what.
/// </summary>
internal sealed class ProfiledActivity<T>(IServiceProvider services, EngineProfile profile) : ITaskActivity
    where T : class, ITaskActivity
{
    private readonly T inner = ActivatorUtilities.GetServiceOrCreateInstance<T>(services);

    public Type InputType => inner.InputType;

    public Type OutputType => inner.OutputType;

    public async Task<object?> RunAsync(TaskActivityContext context, object? input)
    {
        StorageScope.Enter("activity " + context.Name.Name);
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await inner.RunAsync(context, input);
        }
        finally
        {
            profile.RecordActivity(context.Name.Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}

/// <summary>The deployment orchestrators and activities, each activity wrapped in <see cref="ProfiledActivity{T}"/>.</summary>
internal static class ProfiledTasks
{
    public static void Register(TaskRegistry registry) => registry
        .AddOrchestrators(DeploymentTasks.Orchestrators)
        .AddActivities(DeploymentTasks.Activities.Select(task => KeyValuePair.Create(task.Key, typeof(ProfiledActivity<>).MakeGenericType(task.Value))));
}
