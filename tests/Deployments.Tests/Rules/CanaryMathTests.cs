using Deployments.Rules;

namespace Deployments.Tests.Rules;

public sealed class CanaryMathTests
{
    [Theory]
    [InlineData(10, 10, 1)]
    [InlineData(10, 25, 3)]   // 2.5 rounds away from zero
    [InlineData(10, 50, 5)]
    [InlineData(4, 10, 1)]    // 0.4 rounds to 0: at least one canary
    [InlineData(3, 33, 1)]    // 0.99
    [InlineData(3, 50, 2)]    // 1.5
    [InlineData(3, 66, 2)]
    [InlineData(3, 99, 3)]
    [InlineData(1, 1, 1)]
    [InlineData(7, 100, 7)]
    [InlineData(0, 50, 0)]    // nothing wanted, nothing placed
    public void Canaries_AreRoundedShareWithAtLeastOne(int desired, int weight, int expected) =>
        Assert.Equal(expected, CanaryMath.Canaries(desired, weight));

    [Theory]
    [InlineData(10, 10, 10)]  // N - 1 + 1
    [InlineData(10, 50, 6)]   // N - 5 + 1
    [InlineData(4, 75, 2)]
    [InlineData(1, 50, 1)]    // never more than N
    [InlineData(5, 100, 0)]   // none at full weight
    public void OldInstances_KeepCapacityUntilFullWeight(int desired, int weight, int expected) =>
        Assert.Equal(expected, CanaryMath.OldInstances(desired, weight));

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    [InlineData(-5)]
    public void Canaries_WithWeightOutsideOneToHundred_AreRejected(int weight) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CanaryMath.Canaries(4, weight));
}
