namespace StubPlatform;

/// <summary>What the stub has seen; updated from many request threads at once, so every change is atomic.</summary>
public sealed class StubCounters
{
    private long _requests;
    private long _places;
    private long _stops;
    private long _rejectedSignatures;
    private long _injectedFailures;

    /// <summary>Every request that reached the stub, injected failures and rejected ones included.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Accepted place requests, repeats of an existing allocation included.</summary>
    public long Places => Interlocked.Read(ref _places);

    /// <summary>Accepted stop requests for allocations that existed.</summary>
    public long Stops => Interlocked.Read(ref _stops);

    public long RejectedSignatures => Interlocked.Read(ref _rejectedSignatures);

    /// <summary>Requests answered with a failure staged by <see cref="StubPlatformServer.FailNextRequests"/>.</summary>
    public long InjectedFailures => Interlocked.Read(ref _injectedFailures);

    internal void CountRequest() => Interlocked.Increment(ref _requests);

    internal void CountPlace() => Interlocked.Increment(ref _places);

    internal void CountStop() => Interlocked.Increment(ref _stops);

    internal void CountRejectedSignature() => Interlocked.Increment(ref _rejectedSignatures);

    internal void CountInjectedFailure() => Interlocked.Increment(ref _injectedFailures);
}
