using System.Diagnostics;
using DurableTask.Core.History;
using DurableTask.Core.Tracing;

namespace Deployments.Engine;

/// <summary>
/// The span of starting an orchestration, and its trace context on the start event: the Durable Task Framework
/// emits its orchestration and activity spans (source <c>DurableTask.Core</c>) only for an instance whose start
/// event carries a parent trace, which its own TaskHubClient sets and this engine's client must set too. The
/// rollout then shows in the trace of the request (or orchestration) that started it.
/// </summary>
public static class OrchestrationTracing
{
    /// <summary>The engine's own span source: a host traces it alongside <c>DurableTask.Core</c> to see rollouts start.</summary>
    public const string SourceName = "Deployments.Engine";

    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>Starts the producer span (the framework's own name for it), parenting the new instance on it or, unsampled, on the current span.</summary>
    internal static Activity? StartCreate(ExecutionStartedEvent started)
    {
        var span = Source.StartActivity($"create_orchestration:{started.Name}", ActivityKind.Producer);
        span?.SetTag("durabletask.type", "orchestration");
        span?.SetTag("durabletask.task.name", started.Name);
        span?.SetTag("durabletask.task.instance_id", started.OrchestrationInstance.InstanceId);
        if ((span ?? Activity.Current) is { Id: { } id } parent && parent.IdFormat == ActivityIdFormat.W3C)
        {
            started.ParentTraceContext = new DistributedTraceContext(id, parent.TraceStateString);
        }

        return span;
    }
}
