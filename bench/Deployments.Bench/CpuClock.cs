using System.Diagnostics;

namespace Deployments.Bench;

/// <summary>CPU time spent by this process (control plane, observer, stub platform) and by Azurite, in seconds.</summary>
internal sealed record CpuTime(double Process, double Azurite)
{
    public double Total => Process + Azurite;

    public static CpuTime operator -(CpuTime after, CpuTime before) => new(after.Process - before.Process, after.Azurite - before.Azurite);

    public static CpuTime operator +(CpuTime a, CpuTime b) => new(a.Process + b.Process, a.Azurite + b.Azurite);
}

/// <summary>
/// Reads the CPU time of this process and of Azurite. On a shared machine other work stretches wall time a great
/// deal but CPU time per unit of work much less, so CPU per rollout tells settings apart where throughput cannot.
/// </summary>
internal sealed class CpuClock(int azuriteProcessId) : IDisposable
{
    private readonly Process azurite = Process.GetProcessById(azuriteProcessId);

    public CpuTime Now()
    {
        azurite.Refresh();
        return new CpuTime(Environment.CpuUsage.TotalTime.TotalSeconds, azurite.TotalProcessorTime.TotalSeconds);
    }

    public void Dispose() => azurite.Dispose();
}
