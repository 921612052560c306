using Deployments.Platform;

namespace Deployments.Tests;

public sealed class CreatedOnceTests
{
    [Fact]
    public async Task EnsureAsync_AfterAFailedCreation_TriesAgain_AndOnceCreated_NeverAgain()
    {
        var attempts = 0;
        using var tables = new CreatedOnce(_ => ++attempts == 1 ? throw new InvalidOperationException("storage is away") : Task.CompletedTask);

        await Assert.ThrowsAsync<InvalidOperationException>(() => tables.EnsureAsync(CancellationToken.None));
        await tables.EnsureAsync(CancellationToken.None);
        await tables.EnsureAsync(CancellationToken.None);

        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task EnsureAsync_CalledTogether_CreatesOnce()
    {
        var attempts = 0;
        var release = new TaskCompletionSource();
        using var tables = new CreatedOnce(async _ =>
        {
            Interlocked.Increment(ref attempts);
            await release.Task;
        });

        var callers = Enumerable.Range(0, 8).Select(_ => tables.EnsureAsync(CancellationToken.None)).ToList();
        release.SetResult();
        await Task.WhenAll(callers);

        Assert.Equal(1, attempts);
    }
}
