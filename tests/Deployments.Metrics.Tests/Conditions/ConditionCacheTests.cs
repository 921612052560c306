using System.Globalization;
using Deployments.Metrics.Conditions;

namespace Deployments.Metrics.Tests.Conditions;

public sealed class ConditionCacheTests
{
    [Fact]
    public void The_cache_of_compiled_conditions_stays_within_its_capacity_however_many_distinct_conditions_are_evaluated()
    {
        for (var i = 0; i < ConditionCache.Capacity + 50; i++)
        {
            Assert.True(MetricCondition.Evaluate(string.Create(CultureInfo.InvariantCulture, $"result[0] < {i + 1}"), [i]));
            Assert.InRange(ConditionCache.Count, 1, ConditionCache.Capacity);
        }
    }
}
