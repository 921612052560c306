namespace Deployments.Api.Seeds.Nomad;

/// <summary>Times and durations as Nomad's Go structs carry them.</summary>
internal static class NomadTime
{
    private const long NanosecondsPerTick = 100;

    /// <summary>Go's zero <c>time.Time</c>, written <c>0001-01-01T00:00:00Z</c>.</summary>
    public static readonly DateTime Zero = DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc);

    /// <summary>A Go <c>time.Duration</c>: nanoseconds.</summary>
    public static long Nanoseconds(TimeSpan duration) => duration.Ticks * NanosecondsPerTick;

    /// <summary>Unix time in nanoseconds, as allocations' CreateTime and ModifyTime.</summary>
    public static long UnixNanoseconds(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * NanosecondsPerTick;

    /// <summary>
    /// A moment as an index: modify indexes are at least the time in milliseconds (one scale for deployments and
    /// allocations), so a creation time read this way sorts with them.
    /// </summary>
    public static long Index(DateTimeOffset time) => time.ToUnixTimeMilliseconds();
}
