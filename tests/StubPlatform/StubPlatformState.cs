using System.Collections.Concurrent;

namespace StubPlatform;

/// <summary>Everything the stub platform knows, shared by its request handlers and the test that drives it.</summary>
internal sealed class StubPlatformState(StubPlatformOptions options)
{
    public StubPlatformOptions Options { get; } = options;

    public ConcurrentDictionary<string, StubAllocation> Allocations { get; } = new(StringComparer.Ordinal);

    /// <summary>Health forced by a test, winning over the allocation's own.</summary>
    public ConcurrentDictionary<string, bool> HealthOverrides { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<string> RequestIds { get; } = new();

    public StubCounters Counters { get; } = new();

    public FailureInjector Failures { get; } = new();

    public string BaseUrl { get; set; } = "";
}
