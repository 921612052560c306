namespace StubPlatform;

/// <summary>How a <see cref="StubPlatformServer"/> behaves.</summary>
public sealed class StubPlatformOptions
{
    /// <summary>The shared secret requests must be signed with.</summary>
    public string Secret { get; set; } = "stub-platform-secret";

    /// <summary>How long after placement an allocation starts answering its health URL with 200.</summary>
    public TimeSpan HealthyAfter { get; set; } = TimeSpan.Zero;

    /// <summary>Whether place answers carry a <c>health_url</c>; without one the driver leaves health to the platform.</summary>
    public bool ReturnHealthUrl { get; set; } = true;

    /// <summary>How stale a signature timestamp may be.</summary>
    public TimeSpan SignatureTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The stub's clock: health delays and signature freshness read it.</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;
}
