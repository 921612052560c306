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

    internal IReadOnlyDictionary<string, Type> Orchestrators => orchestrators;

    internal IReadOnlyDictionary<string, Type> Activities => activities;

    /// <summary>Registers <typeparamref name="T"/> under <paramref name="name"/>; a name already taken throws <see cref="ArgumentException"/>.</summary>
    public TaskRegistry AddOrchestrator<T>(string name)
        where T : class, ITaskOrchestrator
    {
        Add(orchestrators, name, typeof(T));
        return this;
    }

    /// <summary>Registers <typeparamref name="T"/> under <paramref name="name"/>; a name already taken throws <see cref="ArgumentException"/>.</summary>
    public TaskRegistry AddActivity<T>(string name)
        where T : class, ITaskActivity
    {
        Add(activities, name, typeof(T));
        return this;
    }

    /// <summary>Orchestrators by name, as an application lists them without knowing this engine.</summary>
    public TaskRegistry AddOrchestrators(IEnumerable<KeyValuePair<string, Type>> named) => AddAll(orchestrators, named, typeof(ITaskOrchestrator));

    /// <summary>Activities by name, as an application lists them without knowing this engine.</summary>
    public TaskRegistry AddActivities(IEnumerable<KeyValuePair<string, Type>> named) => AddAll(activities, named, typeof(ITaskActivity));

    private TaskRegistry AddAll(Dictionary<string, Type> names, IEnumerable<KeyValuePair<string, Type>> named, Type contract)
    {
        foreach (var (name, type) in named)
        {
            if (!type.IsClass || type.IsAbstract || !contract.IsAssignableFrom(type))
            {
                throw new ArgumentException($"'{name}' names {type.Name}, which is not a concrete {contract.Name}.", nameof(named));
            }

            Add(names, name, type);
        }

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
