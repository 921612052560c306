using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Durable;

namespace Deployments.Bench;

/// <summary>What the engine did during a wave, read from its own metrics: activities by name, steps, replays.</summary>
internal sealed record EngineSnapshot(
    IReadOnlyDictionary<string, IReadOnlyCollection<double>> ActivityDurations,
    long Episodes,
    long Replays,
    long CacheHits,
    long Conflicts,
    long Failures,
    IReadOnlyCollection<double> StepDurations,
    IReadOnlyDictionary<string, long> StorageBySource)
{
    public long Activities(Func<string, bool> selected) => ActivityDurations.Where(a => selected(a.Key)).Sum(a => (long)a.Value.Count);
}

/// <summary>
/// Listens to the engine's meter and traces (what an OpenTelemetry exporter would see), so the profile costs no
/// storage request and needs no change to the engine. Each storage request is attributed to the span it was sent
/// from: an activity by name, an orchestration step (of a rollout or of a notification), or none (queue polling).
/// </summary>
internal sealed class EngineProfile : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ActivityListener spans = new()
    {
        ShouldListenTo = source => source.Name == DurableTelemetry.Name,
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
    };

    private State state = new();

    public EngineProfile()
    {
        ActivitySource.AddActivityListener(spans);
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == DurableTelemetry.Name)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            // Runs synchronously on the flow that sent the request, so the current span says who sent it.
            if (instrument.Name == "durable.storage.transactions")
            {
                Volatile.Read(ref state).CountStorage(SourceOfRequest());
            }
            else
            {
                Volatile.Read(ref state).Count(instrument.Name, value);
            }
        });
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Volatile.Read(ref state).Record(instrument.Name, value, NameOf(tags)));
        listener.Start();
    }

    /// <summary>Returns what was measured since the last call and starts afresh.</summary>
    public EngineSnapshot Take() => Interlocked.Exchange(ref state, new State()).Snapshot();

    public void Dispose()
    {
        listener.Dispose();
        spans.Dispose();
    }

    /// <summary>
    /// The engine's span wins over the benchmark's label: work the engine dispatches locally runs on a flow forked
    /// from the client call that caused it, and still belongs to the engine.
    /// </summary>
    private static string SourceOfRequest() => Activity.Current switch
    {
        { OperationName: var name } when name.StartsWith("activity ", StringComparison.Ordinal) => name,
        { OperationName: "orchestration step" } step => step.GetTagItem("durable.instance_id") is string id && id.StartsWith("notify-", StringComparison.Ordinal)
            ? "step of NotifySubscribers" : "step of Rollout",
        _ => StorageScope.Current ?? "no span (queue polling)",
    };

    private static string? NameOf(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "name")
            {
                return tag.Value as string;
            }
        }

        return null;
    }

    private sealed class State
    {
        private readonly ConcurrentDictionary<string, ConcurrentQueue<double>> activities = new();
        private readonly ConcurrentDictionary<string, long> counters = new();
        private readonly ConcurrentQueue<double> steps = new();
        private readonly ConcurrentDictionary<string, long> storage = new();

        public void CountStorage(string source) => storage.AddOrUpdate(source, 1, (_, total) => total + 1);

        public void Count(string instrument, long value) => counters.AddOrUpdate(instrument, value, (_, total) => total + value);

        public void Record(string instrument, double value, string? name)
        {
            if (instrument == "durable.activity.duration" && name is not null)
            {
                activities.GetOrAdd(name, _ => new ConcurrentQueue<double>()).Enqueue(value);
            }
            else if (instrument == "durable.orchestration.step.duration")
            {
                steps.Enqueue(value);
            }
        }

        public EngineSnapshot Snapshot() => new(
            activities.ToDictionary(a => a.Key, a => (IReadOnlyCollection<double>)[.. a.Value]),
            Counter("durable.orchestration.episodes"),
            Counter("durable.orchestration.replays"),
            Counter("durable.orchestration.cache_hits"),
            Counter("durable.orchestration.conflicts"),
            Counter("durable.failures"),
            [.. steps],
            storage.ToDictionary());

        private long Counter(string name) => counters.TryGetValue(name, out var value) ? value : 0;
    }
}
