namespace SampleService;

/// <summary>
/// Sends LOAD_RPS requests a second to the sample's own <c>/</c>, so its metrics move on a machine with no other
/// traffic (the quick start, the tests). Off when LOAD_RPS is 0.
/// </summary>
/// <remarks>
/// Requests are not awaited one by one: with LATENCY_MS above the period the rate would drop with the latency,
/// hiding the very slowness the metrics should show. At most one second's worth is in flight; beyond that a tick's
/// requests are dropped rather than piling up against a server that does not answer.
/// </remarks>
internal sealed class SelfLoad(SampleSettings settings, IHostApplicationLifetime lifetime) : BackgroundService
{
    /// <summary>Short enough for an even rate, long enough that a high rate does not become a timer storm.</summary>
    private static readonly TimeSpan ShortestTick = TimeSpan.FromMilliseconds(50);

    private readonly HttpClient client = new() { BaseAddress = new Uri($"http://127.0.0.1:{settings.Port}/"), Timeout = TimeSpan.FromSeconds(30) };
    private int inFlight;

    public override void Dispose()
    {
        client.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.LoadRps <= 0 || !await StartedAsync(stoppingToken))
        {
            return;
        }

        var period = TimeSpan.FromTicks(Math.Max(ShortestTick.Ticks, TimeSpan.TicksPerSecond / settings.LoadRps));
        var started = TimeProvider.System.GetTimestamp();
        long sent = 0;
        using var timer = new PeriodicTimer(period);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                // Counting from the start rather than per tick keeps the rate right when ticks arrive late.
                var due = (long)(TimeProvider.System.GetElapsedTime(started).TotalSeconds * settings.LoadRps) - sent;
                for (; due > 0; due--, sent++)
                {
                    if (Volatile.Read(ref inFlight) < settings.LoadRps)
                    {
                        _ = SendAsync(stoppingToken);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; requests still in flight end with the same token.
        }
    }

    /// <summary>Waits until Kestrel listens, so the first requests do not fail with a refused connection.</summary>
    private async Task<bool> StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var onStarted = lifetime.ApplicationStarted.Register(started.SetResult);
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task SendAsync(CancellationToken stoppingToken)
    {
        Interlocked.Increment(ref inFlight);
        try
        {
            using var response = await client.GetAsync(new Uri("/", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, stoppingToken);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            // A refused or timed-out request is load that did not arrive; the server's metrics already say so.
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }
}
