using Microsoft.Extensions.DependencyInjection;

namespace Durable;

/// <summary>Orchestrators and activities by name. Classes are created through dependency injection per use.</summary>
public sealed class DurableTaskRegistry
{
    private readonly Dictionary<string, Func<IServiceProvider, ITaskOrchestrator>> orchestrators = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Func<IServiceProvider, ITaskActivity>> activities = new(StringComparer.OrdinalIgnoreCase);

    public DurableTaskRegistry AddOrchestrator<T>(string? name = null) where T : class, ITaskOrchestrator
    {
        orchestrators.Add(name ?? typeof(T).Name, provider => ActivatorUtilities.CreateInstance<T>(provider));
        return this;
    }

    public DurableTaskRegistry AddActivity<T>(string? name = null) where T : class, ITaskActivity
    {
        activities.Add(name ?? typeof(T).Name, provider => ActivatorUtilities.CreateInstance<T>(provider));
        return this;
    }

    /// <summary>An orchestrator written as a function, for small ones that need no class of their own.</summary>
    public DurableTaskRegistry AddOrchestratorFunc<TInput, TOutput>(string name, Func<TaskOrchestrationContext, TInput, Task<TOutput>> run)
    {
        orchestrators.Add(name, _ => new FuncOrchestrator<TInput, TOutput>(run));
        return this;
    }

    /// <summary>An activity written as a function, for small ones that need no class of their own.</summary>
    public DurableTaskRegistry AddActivityFunc<TInput, TOutput>(string name, Func<TaskActivityContext, TInput, Task<TOutput>> run)
    {
        activities.Add(name, _ => new FuncActivity<TInput, TOutput>(run));
        return this;
    }

    internal ITaskOrchestrator? CreateOrchestrator(string name, IServiceProvider services) =>
        orchestrators.TryGetValue(name, out var create) ? create(services) : null;

    internal ITaskActivity? CreateActivity(string name, IServiceProvider services) =>
        activities.TryGetValue(name, out var create) ? create(services) : null;

    private sealed class FuncOrchestrator<TInput, TOutput>(Func<TaskOrchestrationContext, TInput, Task<TOutput>> run) : TaskOrchestrator<TInput, TOutput>
    {
        public override Task<TOutput> RunAsync(TaskOrchestrationContext context, TInput input) => run(context, input);
    }

    private sealed class FuncActivity<TInput, TOutput>(Func<TaskActivityContext, TInput, Task<TOutput>> run) : TaskActivity<TInput, TOutput>
    {
        public override Task<TOutput> RunAsync(TaskActivityContext context, TInput input) => run(context, input);
    }
}
