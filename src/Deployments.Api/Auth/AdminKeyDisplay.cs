namespace Deployments.Api.Auth;

/// <summary>Whether a generated admin key may be shown once on standard output (self-hosted) or not at all (under the Functions host, whose output is logged).</summary>
public sealed record AdminKeyDisplay(bool ShowGeneratedKey)
{
    public static readonly AdminKeyDisplay ShownOnce = new(true);

    public static readonly AdminKeyDisplay NotShown = new(false);
}
