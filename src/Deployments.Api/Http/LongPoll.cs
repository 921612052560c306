using System.Globalization;
using Deployments.Model;

namespace Deployments.Api.Http;

/// <summary>
/// Nomad-style blocking queries: with <c>?index=N&amp;wait=30s</c> a read returns as soon as the modify
/// index passes N, or when the wait is over; the current index is in the X-Modify-Index header.
/// </summary>
internal static class LongPoll
{
    public const string IndexHeader = "X-Modify-Index";
    /// <summary>Below the Functions host's 230 s limit on an HTTP response, so a blocking read answers under both hosts.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(200);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    public static async Task<T> UntilPastAsync<T>(long? index, string? wait, Func<CancellationToken, Task<T>> read, Func<T, long> indexOf, CancellationToken cancellationToken)
    {
        var value = await read(cancellationToken);
        if (index is not { } after)
        {
            return value;
        }

        var deadline = DateTimeOffset.UtcNow + WaitFor(wait);
        while (indexOf(value) <= after && DateTimeOffset.UtcNow < deadline && !cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(PollInterval, cancellationToken);
            value = await read(cancellationToken);
        }

        return value;
    }

    internal static TimeSpan WaitFor(string? wait)
    {
        if (string.IsNullOrEmpty(wait))
        {
            return TimeSpan.FromSeconds(30);
        }

        var reader = new System.Text.Json.Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes($"\"{wait}\""));
        reader.Read();
        var parsed = new DurationJsonConverter().Read(ref reader, typeof(TimeSpan), new());
        return parsed > MaxWait ? MaxWait : parsed;
    }

    public static string Format(long index) => index.ToString(CultureInfo.InvariantCulture);

    /// <summary>The index of a list of deployments: the highest modify index on it (0 when empty), so a new or changed one ends a wait.</summary>
    public static long IndexOf(IReadOnlyList<Deployment> deployments) => deployments.Count == 0 ? 0 : deployments.Max(d => d.ModifyIndex);

    /// <summary>
    /// The index of a deployment's allocations: the highest modify index among them (0 when none). Every write of one
    /// (placed, stopped, health observed or set) raises its own, so any change of an allocation ends a wait.
    /// </summary>
    public static long IndexOf(IReadOnlyList<Allocation> allocations) => allocations.Count == 0 ? 0 : allocations.Max(a => a.ModifyIndex);
}
