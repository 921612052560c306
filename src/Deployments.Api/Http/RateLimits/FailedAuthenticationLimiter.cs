using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Deployments.Api.Http.RateLimits;

/// <summary>
/// Counts the requests each client address sends that fail authentication. An address that has used up its
/// window is refused before its key is looked up, so guessing keys costs the guesser, not the storage account.
/// </summary>
internal sealed class FailedAuthenticationLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string>? limiter;

    public FailedAuthenticationLimiter(IOptions<RateLimitOptions> options)
    {
        var limit = options.Value.FailedAuthentication;
        if (limit.IsOn)
        {
            limiter = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limit.PermitLimit,
                Window = limit.Window,
                QueueLimit = 0,
            }));
        }
    }

    /// <summary>Null while the address may still try; else how long until it may.</summary>
    public TimeSpan? RefusedFor(string address)
    {
        if (limiter is null)
        {
            return null;
        }

        // Asking for no permit tells whether any is left without spending one.
        using var probe = limiter.AttemptAcquire(address, permitCount: 0);
        return probe.IsAcquired ? null : probe.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
    }

    public void CountFailure(string address)
    {
        using var _ = limiter?.AttemptAcquire(address);
    }

    public void Dispose() => limiter?.Dispose();
}
