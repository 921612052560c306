using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Durable.Bench;

/// <summary>Collects the engine's own step-duration measurements through a MeterListener.</summary>
internal sealed class StepDurationRecorder : IDisposable
{
    private readonly MeterListener listener = new();
    private ConcurrentQueue<double> samples = new();

    public StepDurationRecorder()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == DurableTelemetry.Name && instrument.Name == "durable.orchestration.step.duration")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, _, _) => samples.Enqueue(value));
        listener.Start();
    }

    /// <summary>Returns the samples recorded since the last call and starts a new set.</summary>
    public IReadOnlyCollection<double> Take() => Interlocked.Exchange(ref samples, new ConcurrentQueue<double>());

    public void Dispose() => listener.Dispose();
}
