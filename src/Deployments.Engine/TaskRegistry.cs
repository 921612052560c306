using Microsoft.DurableTask;

namespace Deployments.Engine;

/// <summary>
/// The orchestrator and activity classes the self-hosted worker runs, by the name they are called with.
/// Instances come from dependency injection at each use (see <see cref="TaskHubWorkerService"/>).
/// </summary>
public sealed class TaskRegistry
{
    private readonly Dictionary<string, Type> orchestrators = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Type> activities = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, Type> Orchestrators => orchestrators;

    public IReadOnlyDictionary<string, Type> Activities => activities;

    public TaskRegistry AddOrchestrator<T>(string name)
        where T : class, ITaskOrchestrator
    {
        Add(orchestrators, name, typeof(T));
        return this;
    }

    public TaskRegistry AddActivity<T>(string name)
        where T : class, ITaskActivity
    {
        Add(activities, name, typeof(T));
        return this;
    }

    private static void Add(Dictionary<string, Type> names, string name, Type type)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!names.TryAdd(name, type))
        {
            throw new ArgumentException($"'{name}' is registered twice: as {names[name].Name} and as {type.Name}.", nameof(name));
        }
    }
}
