namespace Deployments.Api.Http.Idempotency;

/// <summary>
/// Keeps a claimed key's pending row fresh while its request runs, renewing it three times per
/// <see cref="IdempotencyStore.PendingLease"/>. When the process dies the renewals stop, so a retry may
/// take the key over seconds later instead of being told "in progress" for minutes.
/// </summary>
internal sealed class ClaimLease : IAsyncDisposable
{
    private readonly IdempotencyStore store;
    private readonly string scope;
    private readonly string key;
    private readonly CancellationTokenSource stop = new();
    private readonly Task renewing;
    private IdempotencyClaim claim;

    public ClaimLease(IdempotencyStore store, string scope, string key, IdempotencyClaim claim, TimeProvider time)
    {
        this.store = store;
        this.scope = scope;
        this.key = key;
        this.claim = claim;
        renewing = RenewAsync(time);
    }

    /// <summary>Stops renewing and returns the claim as last renewed, to complete or release the row with.</summary>
    public async Task<IdempotencyClaim> EndAsync()
    {
        await stop.CancelAsync();
        await renewing;
        return claim;
    }

    public async ValueTask DisposeAsync()
    {
        await EndAsync();
        stop.Dispose();
    }

    private async Task RenewAsync(TimeProvider time)
    {
        using var timer = new PeriodicTimer(IdempotencyStore.PendingLease / 3, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                // Not cancelled by the end of the request: a renewal cut off after storage applied it would leave
                // this claim holding an ETag the row no longer has, and completing the row would then fail.
                if (await store.RenewAsync(scope, key, claim.ETag, CancellationToken.None) is not { } renewed)
                {
                    // Taken over (this request looked dead): the new owner's row is not ours to touch.
                    return;
                }

                claim = claim with { ETag = renewed };
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (Azure.RequestFailedException)
        {
            // Storage away: the row ages, and a retry may take over, which the derived ids make safe.
        }
    }
}
