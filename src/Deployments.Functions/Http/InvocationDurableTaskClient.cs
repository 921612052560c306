using DurableTask.Core.History;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Deployments.Functions.Http;

/// <summary>
/// The <see cref="DurableTaskClient"/> the deployment services see under the Functions host: Durable
/// Functions hands each invocation a client through its <c>[DurableClient]</c> binding, and the function
/// binds it here for the duration of the call (<see cref="Bind"/>), so the services need not know which
/// host they run in.
/// </summary>
internal sealed class InvocationDurableTaskClient() : DurableTaskClient("invocation")
{
    private static readonly AsyncLocal<DurableTaskClient?> Bound = new();

    private static DurableTaskClient Client => Bound.Value
        ?? throw new InvalidOperationException("No Durable Functions client is bound to this invocation: the function needs a [DurableClient] parameter.");

    public static IDisposable Bind(DurableTaskClient client)
    {
        var previous = Bound.Value;
        Bound.Value = client;
        return new Restore(previous);
    }

    public override Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default) =>
        Client.ScheduleNewOrchestrationInstanceAsync(orchestratorName, input, options, cancellation);

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default) =>
        Client.RaiseEventAsync(instanceId, eventName, eventPayload, cancellation);

    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        Client.WaitForInstanceStartAsync(instanceId, getInputsAndOutputs, cancellation);

    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs, cancellation);

    public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default) =>
        Client.TerminateInstanceAsync(instanceId, options, cancellation);

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        Client.SuspendInstanceAsync(instanceId, reason, cancellation);

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        Client.ResumeInstanceAsync(instanceId, reason, cancellation);

    public override Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        Client.GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation);

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) =>
        Client.GetAllInstancesAsync(filter);

    public override Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default) =>
        Client.PurgeInstanceAsync(instanceId, options, cancellation);

    public override Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default) =>
        Client.PurgeAllInstancesAsync(filter, options, cancellation);

    public override Task<IList<HistoryEvent>> GetOrchestrationHistoryAsync(string instanceId, CancellationToken cancellation = default) =>
        Client.GetOrchestrationHistoryAsync(instanceId, cancellation);

    public override ValueTask DisposeAsync() => default;

    private sealed class Restore(DurableTaskClient? previous) : IDisposable
    {
        public void Dispose() => Bound.Value = previous;
    }
}
