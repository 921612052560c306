namespace StubPlatform;

/// <summary>Stages failures for the next N requests, whichever threads they arrive on.</summary>
internal sealed class FailureInjector
{
    private int _remaining;
    private int _statusCode = 503;

    public void FailNext(int count, int statusCode)
    {
        Volatile.Write(ref _statusCode, statusCode);
        Interlocked.Exchange(ref _remaining, count);
    }

    /// <summary>The status to fail this request with, or null to serve it. Decrements without going below zero.</summary>
    public int? TakeFailure()
    {
        while (true)
        {
            var remaining = Volatile.Read(ref _remaining);
            if (remaining <= 0)
            {
                return null;
            }

            if (Interlocked.CompareExchange(ref _remaining, remaining - 1, remaining) == remaining)
            {
                return Volatile.Read(ref _statusCode);
            }
        }
    }
}
