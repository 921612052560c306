using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Deployments.Platform;
using Microsoft.Extensions.Logging;

namespace Deployments.Bench;

/// <summary>What the engine did during a wave: activities by name, the framework's own events, storage requests by source.</summary>
internal sealed record EngineSnapshot(
    IReadOnlyDictionary<string, IReadOnlyCollection<double>> ActivityDurations,
    IReadOnlyDictionary<string, long> Events,
    long HistoryFetchRequests,
    IReadOnlyDictionary<string, long> StorageBySource)
{
    public long Activities(Func<string, bool> selected) => ActivityDurations.Where(a => selected(a.Key)).Sum(a => (long)a.Value.Count);

    public long Event(string name) => Events.TryGetValue(name, out var count) ? count : 0;

    /// <summary>Two snapshots of spans run one after the other, read as one.</summary>
    public EngineSnapshot Add(EngineSnapshot next) => new(
        Merge(ActivityDurations, next.ActivityDurations, (a, b) => [.. a, .. b]),
        Merge(Events, next.Events, (a, b) => a + b),
        HistoryFetchRequests + next.HistoryFetchRequests,
        Merge(StorageBySource, next.StorageBySource, (a, b) => a + b));

    private static Dictionary<string, T> Merge<T>(IReadOnlyDictionary<string, T> first, IReadOnlyDictionary<string, T> second, Func<T, T, T> combine)
    {
        var merged = first.ToDictionary();
        foreach (var (key, value) in second)
        {
            merged[key] = merged.TryGetValue(key, out var existing) ? combine(existing, value) : value;
        }

        return merged;
    }
}

/// <summary>
/// Profiles the control-plane host without a storage request of its own and without a change to the engine: the
/// storage counter's meter (each request attributed to the <see cref="StorageScope"/> it was sent from: an activity
/// by name, a client call, or none, which is the engine's own work), the Durable Task Framework's structured log
/// events (history loads, checkpoints, messages), and the time each activity took (<see cref="ProfiledActivity{T}"/>).
/// </summary>
internal sealed class EngineProfile : IDisposable
{
    /// <summary>Requests sent outside any labelled flow: the dispatchers' history loads, checkpoints, queue messages, polling and leases.</summary>
    public const string Engine = "engine (history, checkpoints, queue messages, polling, leases)";

    private readonly MeterListener listener = new();
    private State state = new();

    public EngineProfile()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == StorageTransactionCounter.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };

        // Runs synchronously on the flow that sent the request, so the current scope says who sent it.
        listener.SetMeasurementEventCallback<long>((_, _, _, _) => Volatile.Read(ref state).CountStorage(StorageScope.Current ?? Engine));
        listener.Start();
    }

    /// <summary>Add to the measured host's logging: counts the framework's events, sees nothing else.</summary>
    public ILoggerProvider Logs => new FrameworkEvents(this);

    /// <summary>Returns what was measured since the last call and starts afresh.</summary>
    public EngineSnapshot Take() => Interlocked.Exchange(ref state, new State()).Snapshot();

    public void RecordActivity(string name, double milliseconds) => Volatile.Read(ref state).RecordActivity(name, milliseconds);

    public void Dispose() => listener.Dispose();

    private sealed class State
    {
        private readonly ConcurrentDictionary<string, ConcurrentQueue<double>> activities = new();
        private readonly ConcurrentDictionary<string, long> events = new();
        private readonly ConcurrentDictionary<string, long> storage = new();
        private long historyFetchRequests;

        public void CountStorage(string source) => storage.AddOrUpdate(source, 1, (_, total) => total + 1);

        public void CountEvent(string name, long historyRequests)
        {
            events.AddOrUpdate(name, 1, (_, total) => total + 1);
            Interlocked.Add(ref historyFetchRequests, historyRequests);
        }

        public void RecordActivity(string name, double milliseconds) => activities.GetOrAdd(name, _ => new ConcurrentQueue<double>()).Enqueue(milliseconds);

        public EngineSnapshot Snapshot() => new(
            activities.ToDictionary(a => a.Key, a => (IReadOnlyCollection<double>)[.. a.Value]),
            events.ToDictionary(),
            Interlocked.Read(ref historyFetchRequests),
            storage.ToDictionary());
    }

    /// <summary>The framework logs each history load, checkpoint and message as a structured event; this counts them by name.</summary>
    internal sealed class FrameworkEvents(EngineProfile profile) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => categoryName.StartsWith("DurableTask", StringComparison.Ordinal) ? this : NullLogger;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Name is { } name)
            {
                Volatile.Read(ref profile.state).CountEvent(name, name == "FetchedInstanceHistory" ? Field(state, "RequestCount") : 0);
            }
        }

        public void Dispose()
        {
        }

        private static long Field<TState>(TState state, string key)
        {
            if (state is IEnumerable<KeyValuePair<string, object?>> fields)
            {
                foreach (var field in fields)
                {
                    if (field.Key == key && field.Value is IConvertible value)
                    {
                        return value.ToInt64(System.Globalization.CultureInfo.InvariantCulture);
                    }
                }
            }

            return 0;
        }

        private static readonly ILogger NullLogger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
    }
}
