using System.Reflection;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Moq.Protected;

namespace Deployments.Tests.Orchestrations;

/// <summary>An activity the orchestrator scheduled, in the order it scheduled them.</summary>
internal sealed record ActivityCall(string Name, object? Input, TaskOptions? Options);

/// <summary>
/// A Moq mock of <see cref="TaskOrchestrationContext"/> that runs an orchestrator without an engine: activities
/// answer from a script, events are raised by the test (or by a script step), time is virtual.
/// </summary>
/// <remarks>
/// Only the abstract members are set up; <c>CallBase</c> lets the SDK's own virtual and non-virtual overloads
/// (<c>CallActivityAsync</c> without a result, <c>CreateTimer(TimeSpan)</c>, <c>WaitForExternalEvent</c> with a
/// timeout) route to them exactly as they do under the real worker. Scripted activities complete synchronously,
/// so an orchestrator runs on the test's thread up to the first wait nothing has completed: a test can observe
/// that it is waiting, raise an event, and see it go on. No wall-clock time and no threads are involved.
/// </remarks>
internal sealed class ScriptedOrchestrationContext
{
    public static readonly DateTime Start = new(2025, 1, 1, 12, 0, 0, DateTimeKind.Utc);

    private readonly Dictionary<string, Func<object?, object?>> activities = new(StringComparer.Ordinal);
    private readonly List<ActivityCall> calls = [];
    private readonly Dictionary<string, Queue<object?>> bufferedEvents = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(string Name, Func<object?, bool> TrySet)> eventWaiters = [];
    private readonly List<DateTime> timers = [];
    private readonly Dictionary<string, Func<object?, Task>> subOrchestrations = new(StringComparer.Ordinal);
    private readonly List<(string InstanceId, string Name, object Payload)> sent = [];
    private int guids;

    public ScriptedOrchestrationContext()
    {
        Mock = new Mock<TaskOrchestrationContext>(MockBehavior.Loose) { CallBase = true };
        Mock.SetupGet(c => c.InstanceId).Returns("scripted-instance");
        Mock.SetupGet(c => c.IsReplaying).Returns(false);
        // What CreateReplaySafeLogger builds on; the orchestrators log, the tests read their effects.
        Mock.Protected().SetupGet<ILoggerFactory>("LoggerFactory").Returns(NullLoggerFactory.Instance);
        Mock.SetupGet(c => c.CurrentUtcDateTime).Returns(() => Now);
        Mock.Setup(c => c.NewGuid()).Returns(() => new Guid(++guids, 0, 0, new byte[8]));
        Mock.Setup(c => c.CallActivityAsync<It.IsAnyType>(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns(new InvocationFunc(invocation => Dispatch(nameof(CallActivity), invocation)));
        Mock.Setup(c => c.CallSubOrchestratorAsync<It.IsAnyType>(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns(new InvocationFunc(invocation => Dispatch(nameof(CallSubOrchestrator), invocation)));
        Mock.Setup(c => c.SendEvent(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object>()))
            .Callback((string instanceId, string eventName, object payload) => sent.Add((instanceId, eventName, payload)));
        Mock.Setup(c => c.WaitForExternalEvent<It.IsAnyType>(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns(new InvocationFunc(invocation => Dispatch(nameof(WaitForEvent), invocation)));
        Mock.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .Returns((DateTime fireAt, CancellationToken cancellation) => CreateTimer(fireAt, cancellation));
        Mock.Setup(c => c.SetCustomStatus(It.IsAny<object?>())).Callback((object? status) => CustomStatus = status);
        Mock.Setup(c => c.ContinueAsNew(It.IsAny<object>(), It.IsAny<bool>()))
            .Callback((object input, bool preserveUnprocessedEvents) => ContinuedAsNew = (input, preserveUnprocessedEvents));
    }

    public Mock<TaskOrchestrationContext> Mock { get; }

    public TaskOrchestrationContext Object => Mock.Object;

    /// <summary>The orchestration's clock: starts at <see cref="Start"/>, moves only when a timer fires.</summary>
    public DateTime Now { get; private set; } = Start;

    /// <summary>True (the default): a timer fires at once, moving the clock to its due time. False: timers never fire, only get cancelled.</summary>
    public bool TimersFire { get; set; } = true;

    /// <summary>How much earlier than its due time the clock reads when a timer fires, as the storage queues may deliver it.</summary>
    public TimeSpan TimersFireEarlyBy { get; set; }

    public IReadOnlyList<ActivityCall> Calls => calls;

    /// <summary>The due times of every timer created, fired or not.</summary>
    public IReadOnlyList<DateTime> Timers => timers;

    public object? CustomStatus { get; private set; }

    /// <summary>The input the orchestrator restarted itself with, if it did.</summary>
    public (object Input, bool PreserveUnprocessedEvents)? ContinuedAsNew { get; private set; }

    /// <summary>Answers calls of <paramref name="activity"/>; an activity without a script completes with no result.</summary>
    public ScriptedOrchestrationContext OnActivity<TInput>(string activity, Func<TInput, object?> answer)
    {
        activities[activity] = input => answer((TInput)input!);
        return this;
    }

    /// <summary>Answers calls of the sub-orchestration <paramref name="name"/>: the task it returns is what the orchestrator awaits.</summary>
    public ScriptedOrchestrationContext OnSubOrchestration<TInput>(string name, Func<TInput, Task> answer)
    {
        subOrchestrations[name] = input => answer((TInput)input!);
        return this;
    }

    /// <summary>Events the orchestrator sent to other instances, in order.</summary>
    public IReadOnlyList<(string InstanceId, string Name, object Payload)> SentEvents => sent;

    public ScriptedOrchestrationContext Returns(string activity, object? result) => OnActivity<object?>(activity, _ => result);

    /// <summary>Fails every call of <paramref name="activity"/> the way the worker reports a failed activity.</summary>
    public ScriptedOrchestrationContext Fails(string activity, string message) => OnActivity<object?>(activity, _ => throw Failure(activity, message));

    /// <summary>Delivers an event: to the oldest waiter for it, or kept until the orchestrator waits for it (as the engine does).</summary>
    public void Raise(string name, object? payload)
    {
        for (var index = 0; index < eventWaiters.Count; index++)
        {
            var (waiting, trySet) = eventWaiters[index];
            if (string.Equals(waiting, name, StringComparison.OrdinalIgnoreCase))
            {
                eventWaiters.RemoveAt(index--);
                if (trySet(payload))
                {
                    return;
                }
            }
        }

        if (!bufferedEvents.TryGetValue(name, out var queue))
        {
            bufferedEvents[name] = queue = new Queue<object?>();
        }

        queue.Enqueue(payload);
    }

    public IEnumerable<ActivityCall> CallsOf(string activity) => calls.Where(c => c.Name == activity);

    public IEnumerable<T> InputsOf<T>(string activity) => CallsOf(activity).Select(c => (T)c.Input!);

    public static TaskFailedException Failure(string activity, string message) =>
        new(activity, 0, new TaskFailureDetails(typeof(InvalidOperationException).FullName!, message, null, null, null));

    private object Dispatch(string method, IInvocation invocation) =>
        typeof(ScriptedOrchestrationContext).GetMethod(method, BindingFlags.NonPublic | BindingFlags.Instance)!
            .MakeGenericMethod(invocation.Method.GetGenericArguments()[0])
            .Invoke(this, BindingFlags.DoNotWrapExceptions, null, [.. invocation.Arguments], null)!;

    private Task<T> CallActivity<T>(TaskName name, object? input, TaskOptions? options)
    {
        calls.Add(new ActivityCall(name.Name, input, options));
        if (!activities.TryGetValue(name.Name, out var answer))
        {
            return typeof(T) == typeof(object)
                ? Task.FromResult(default(T)!)
                : throw new InvalidOperationException($"The test scripted no answer for activity {name.Name}, whose result the orchestrator reads.");
        }

        try
        {
            return Task.FromResult((T)answer(input)!);
        }
        catch (TaskFailedException failure)
        {
            return Task.FromException<T>(failure);
        }
    }

    private Task<T> CallSubOrchestrator<T>(TaskName name, object? input, TaskOptions? options)
    {
        calls.Add(new ActivityCall(name.Name, input, options));
        return subOrchestrations.TryGetValue(name.Name, out var answer)
            ? (Task<T>)answer(input)
            : throw new InvalidOperationException($"The test scripted no answer for sub-orchestration {name.Name}.");
    }

    private Task<T> WaitForEvent<T>(string name, CancellationToken cancellation)
    {
        if (bufferedEvents.TryGetValue(name, out var queue) && queue.Count > 0)
        {
            return Task.FromResult((T)queue.Dequeue()!);
        }

        var waiter = new TaskCompletionSource<T>();
        cancellation.Register(() => waiter.TrySetCanceled(cancellation));
        eventWaiters.Add((name, payload => waiter.TrySetResult((T)payload!)));
        return waiter.Task;
    }

    private Task CreateTimer(DateTime fireAt, CancellationToken cancellation)
    {
        timers.Add(fireAt);
        if (TimersFire)
        {
            Now = fireAt - TimersFireEarlyBy > Now ? fireAt - TimersFireEarlyBy : Now;
            return Task.CompletedTask;
        }

        var timer = new TaskCompletionSource();
        cancellation.Register(() => timer.TrySetCanceled(cancellation));
        return timer.Task;
    }
}
