using System.Collections.Concurrent;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Deployments.Engine.Tests.Infrastructure;

/// <summary>The small orchestrators and activities the engine tests run, and the services they use.</summary>
internal static class TestTasks
{
    public const string Greeting = "Greeting";
    public const string Greet = "Greet";
    public const string AwaitApproval = "AwaitApproval";
    public const string ApprovalEvent = "approval";
    public const string TwoScopedCalls = "TwoScopedCalls";
    public const string ScopedProbe = "ScopedProbe";
    public const string CatchFailure = "CatchFailure";
    public const string Fail = "Fail";
    public const string RetryFlaky = "RetryFlaky";
    public const string Flaky = "Flaky";
    public const string SlowWork = "SlowWork";
    public const string DoSlowWork = "DoSlowWork";

    public static void Register(TaskRegistry registry) => registry
        .AddOrchestrator<GreetingOrchestrator>(Greeting)
        .AddActivity<GreetActivity>(Greet)
        .AddOrchestrator<AwaitApprovalOrchestrator>(AwaitApproval)
        .AddOrchestrator<TwoScopedCallsOrchestrator>(TwoScopedCalls)
        .AddActivity<ScopedProbeActivity>(ScopedProbe)
        .AddOrchestrator<CatchFailureOrchestrator>(CatchFailure)
        .AddActivity<FailActivity>(Fail)
        .AddOrchestrator<RetryFlakyOrchestrator>(RetryFlaky)
        .AddActivity<FlakyActivity>(Flaky)
        .AddOrchestrator<SlowWorkOrchestrator>(SlowWork)
        .AddActivity<SlowWorkActivity>(DoSlowWork);

    /// <summary>Registers what the activities depend on, unless a test registered its own first (to share it across hosts).</summary>
    public static void AddServices(IServiceCollection services)
    {
        services.TryAddSingleton<ProbeJournal>();
        services.TryAddScoped<ScopedDependency>();
        services.TryAddSingleton<AttemptCounter>();
        services.TryAddSingleton<SlowWorkLog>();
    }
}

internal sealed class GreetingOrchestrator : TaskOrchestrator<string, string>
{
    public override Task<string> RunAsync(TaskOrchestrationContext context, string input) =>
        context.CallActivityAsync<string>(TestTasks.Greet, input);
}

internal sealed class GreetActivity : TaskActivity<string, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, string input) => Task.FromResult($"Hello, {input}");
}

internal sealed record Approval(string By, string? Note = null);

/// <summary>Waits, for as long as it takes, for one approval event.</summary>
internal sealed class AwaitApprovalOrchestrator : TaskOrchestrator<string, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        var approval = await context.WaitForExternalEvent<Approval>(TestTasks.ApprovalEvent);
        return $"{input} approved by {approval.By}" + (approval.Note is null ? "" : $": {approval.Note}");
    }
}

/// <summary>Remembers every scoped dependency created and which of them were disposed.</summary>
internal sealed class ProbeJournal
{
    public ConcurrentDictionary<Guid, bool> Disposed { get; } = new();
}

internal sealed class ScopedDependency : IDisposable
{
    private readonly ProbeJournal journal;

    public ScopedDependency(ProbeJournal journal)
    {
        this.journal = journal;
        journal.Disposed[Id] = false;
    }

    public Guid Id { get; } = Guid.NewGuid();

    public void Dispose() => journal.Disposed[Id] = true;
}

/// <summary>Two parameters of the same scoped type: within one call they must be one instance.</summary>
internal sealed class ScopedProbeActivity(ScopedDependency dependency, ScopedDependency sameScope) : TaskActivity<int, Guid>
{
    public override Task<Guid> RunAsync(TaskActivityContext context, int input) =>
        ReferenceEquals(dependency, sameScope)
            ? Task.FromResult(dependency.Id)
            : throw new InvalidOperationException("One call resolved two instances of a scoped dependency.");
}

internal sealed class TwoScopedCallsOrchestrator : TaskOrchestrator<int, List<Guid>>
{
    public override async Task<List<Guid>> RunAsync(TaskOrchestrationContext context, int input) =>
        [await context.CallActivityAsync<Guid>(TestTasks.ScopedProbe, 1), await context.CallActivityAsync<Guid>(TestTasks.ScopedProbe, 2)];
}

internal sealed class FailActivity : TaskActivity<string, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, string input) => throw new InvalidOperationException(input);
}

/// <summary>Reports what the failure of its activity looked like from inside the orchestration.</summary>
internal sealed class CatchFailureOrchestrator : TaskOrchestrator<string, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        try
        {
            return await context.CallActivityAsync<string>(TestTasks.Fail, input);
        }
        catch (TaskFailedException failure)
        {
            return string.Join('|', failure.TaskName, failure.FailureDetails.ErrorType, failure.FailureDetails.ErrorMessage,
                failure.FailureDetails.IsCausedBy<InvalidOperationException>());
        }
    }
}

/// <summary>Counts attempts per key across calls (and across hosts, when a test shares it).</summary>
internal sealed class AttemptCounter
{
    private readonly ConcurrentDictionary<string, int> attempts = new(StringComparer.Ordinal);

    public int Next(string key) => attempts.AddOrUpdate(key, 1, (_, count) => count + 1);

    public int Of(string key) => attempts.GetValueOrDefault(key);
}

/// <param name="Failures">How many attempts fail before one succeeds.</param>
internal sealed record FlakyCall(string Key, int Failures);

internal sealed class FlakyActivity(AttemptCounter attempts) : TaskActivity<FlakyCall, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, FlakyCall input)
    {
        var attempt = attempts.Next(input.Key);
        return attempt <= input.Failures
            ? throw new InvalidOperationException($"attempt {attempt} of {input.Key} fails")
            : Task.FromResult(attempt);
    }
}

/// <summary>One call that recovers on its third attempt and one that never does, both with at most three attempts.</summary>
internal sealed class RetryFlakyOrchestrator : TaskOrchestrator<string, string>
{
    public static readonly RetryPolicy Retry = new(maxNumberOfAttempts: 3, firstRetryInterval: TimeSpan.FromMilliseconds(100), backoffCoefficient: 1);

    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        var options = TaskOptions.FromRetryPolicy(Retry);
        var recovered = await context.CallActivityAsync<int>(TestTasks.Flaky, new FlakyCall(input + "-recovers", Failures: 2), options);
        try
        {
            await context.CallActivityAsync<int>(TestTasks.Flaky, new FlakyCall(input + "-broken", Failures: int.MaxValue), options);
            return $"recovered on attempt {recovered}; the broken call succeeded";
        }
        catch (TaskFailedException failure)
        {
            return $"recovered on attempt {recovered}; gave up: {failure.FailureDetails.ErrorMessage}";
        }
    }
}

/// <summary>What the slow activity did: started and finished calls, by instance.</summary>
internal sealed class SlowWorkLog
{
    /// <summary>How long the activity's work takes: long enough that a host stopping meanwhile must wait for it.</summary>
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(2);

    public ConcurrentQueue<string> Started { get; } = new();

    public ConcurrentQueue<string> Finished { get; } = new();
}

internal sealed class SlowWorkActivity(SlowWorkLog log) : TaskActivity<string, string>
{
    public override async Task<string> RunAsync(TaskActivityContext context, string input)
    {
        log.Started.Enqueue(input);
        await Task.Delay(SlowWorkLog.Duration);
        log.Finished.Enqueue(input);
        return $"{input} done";
    }
}

internal sealed class SlowWorkOrchestrator : TaskOrchestrator<string, string>
{
    public override Task<string> RunAsync(TaskOrchestrationContext context, string input) =>
        context.CallActivityAsync<string>(TestTasks.DoSlowWork, input);
}
