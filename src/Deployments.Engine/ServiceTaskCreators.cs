using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.DependencyInjection;

namespace Deployments.Engine;

/// <summary>
/// Hands the Durable Task Framework a fresh orchestrator for every episode, built from dependency
/// injection and wrapped by the SDK's shim, so a <see cref="TaskOrchestrator{TInput, TOutput}"/> runs
/// here exactly as it runs under Durable Functions.
/// </summary>
internal sealed class ServiceOrchestrationCreator : ObjectCreator<TaskOrchestration>
{
    private readonly Type type;
    private readonly IServiceProvider services;
    private readonly DurableTaskShimFactory shims;

    public ServiceOrchestrationCreator(string name, Type type, IServiceProvider services, DurableTaskShimFactory shims)
    {
        Name = name;
        Version = string.Empty;
        this.type = type;
        this.services = services;
        this.shims = shims;
    }

    public override TaskOrchestration Create() =>
        shims.CreateOrchestration(Name, (ITaskOrchestrator)ActivatorUtilities.GetServiceOrCreateInstance(services, type));
}

/// <summary>Hands the framework an activity that resolves its class in a DI scope of its own for each call.</summary>
internal sealed class ServiceActivityCreator : ObjectCreator<TaskActivity>
{
    private readonly Type type;
    private readonly IServiceProvider services;
    private readonly DurableTaskShimFactory shims;

    public ServiceActivityCreator(string name, Type type, IServiceProvider services, DurableTaskShimFactory shims)
    {
        Name = name;
        Version = string.Empty;
        this.type = type;
        this.services = services;
        this.shims = shims;
    }

    public override TaskActivity Create() => new ScopedActivity(Name, type, services, shims);

    private sealed class ScopedActivity(string name, Type type, IServiceProvider services, DurableTaskShimFactory shims) : TaskActivity
    {
        public override string Run(TaskContext context, string input) =>
            throw new NotSupportedException("Activities run asynchronously.");

        public override async Task<string> RunAsync(TaskContext context, string input)
        {
            await using var scope = services.CreateAsyncScope();
            using var logScope = scope.ServiceProvider.GetService<ITaskActivityScope>()?.Enter(name, context.OrchestrationInstance.InstanceId);
            var activity = (ITaskActivity)ActivatorUtilities.GetServiceOrCreateInstance(scope.ServiceProvider, type);
            return await shims.CreateActivity(name, activity).RunAsync(context, input);
        }
    }
}
