namespace Deployments.Storage;

/// <summary>
/// Modify indexes for blocking reads: past the previous one and at least the time in milliseconds, so indexes of
/// different records (a deployment, its allocations) share one scale and a reader can compare any of them.
/// </summary>
internal static class ModifyIndexes
{
    public static long Next(long previous, TimeProvider time) => Math.Max(previous + 1, time.GetUtcNow().ToUnixTimeMilliseconds());
}
