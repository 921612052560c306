namespace Deployments.Rules;

/// <summary>How many instances run the new and the old revision at each canary weight.</summary>
internal static class CanaryMath
{
    /// <summary>round(N x weight / 100), at least one while any instance is wanted, all of them at 100.</summary>
    public static int Canaries(int desired, int instanceWeight)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(desired);
        ArgumentOutOfRangeException.ThrowIfLessThan(instanceWeight, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(instanceWeight, 100);
        if (desired == 0)
        {
            return 0;
        }

        if (instanceWeight == 100)
        {
            return desired;
        }

        var rounded = (int)Math.Round(desired * instanceWeight / 100.0, MidpointRounding.AwayFromZero);
        return Math.Clamp(rounded, 1, desired);
    }

    /// <summary>
    /// The old revision keeps N - canaries + 1 instances (capped at N), so capacity never drops below
    /// N while canaries prove themselves; none once the weight reaches 100.
    /// </summary>
    public static int OldInstances(int desired, int instanceWeight) =>
        instanceWeight >= 100 ? 0 : Math.Min(desired, desired - Canaries(desired, instanceWeight) + 1);
}
