namespace Deployments.Drivers.Tests.Support;

/// <summary>
/// How these tests wait with <see cref="TestSupport.Polling"/>: the driver reacts within milliseconds,
/// so a short deadline and a tight interval, unlike the shared defaults.
/// </summary>
internal static class Waits
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(25);
}
