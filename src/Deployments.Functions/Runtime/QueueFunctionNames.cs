using Durable;

namespace Deployments.Functions.Runtime;

/// <summary>
/// The queue-triggered functions and the queues they listen on: one per control queue
/// (<c>ControlQueue00</c> … for <c>{hub}-control-00</c> …) and one for the work-item queue. The Functions host
/// invokes a function by POSTing to <c>/{FunctionName}</c>, so these names are also the handler's routes.
/// </summary>
internal static class QueueFunctionNames
{
    public const string WorkItems = "WorkItemQueue";

    public static string ControlQueue(int partition) => $"ControlQueue{partition:D2}";

    /// <summary>Function name to queue name, for every queue of the engine's task hub.</summary>
    public static IReadOnlyDictionary<string, string> For(DurableTaskEngine engine)
    {
        var functions = engine.ControlQueueNames.Select((queue, partition) => (Function: ControlQueue(partition), Queue: queue))
            .Append((Function: WorkItems, Queue: engine.WorkItemQueueName));
        return functions.ToDictionary(f => f.Function, f => f.Queue, StringComparer.Ordinal);
    }
}
