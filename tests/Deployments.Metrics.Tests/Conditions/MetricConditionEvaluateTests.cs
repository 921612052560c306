using System.Diagnostics;

namespace Deployments.Metrics.Tests.Conditions;

public sealed class MetricConditionEvaluateTests
{
    [Theory]
    [InlineData("result[0] < 0.05", new[] { 0.01 }, true)]
    [InlineData("result[0] < 0.05", new[] { 0.2 }, false)]
    [InlineData("result[0] >= 0.95 && result[1] <= 1", new[] { 0.99, 0.5 }, true)]
    [InlineData("result.Length == 0 || result[0] < 0.5", new double[0], true)]
    [InlineData("result.Length == 3", new[] { 1.0, 2.0, 3.0 }, true)]
    [InlineData("(result.Length > 1 ? result[1] : result[0]) < 10", new[] { 1.0, 20.0 }, false)]
    [InlineData("Math.Abs(result[0] - result[1]) < 0.1", new[] { 1.0, 1.05 }, true)]
    [InlineData("Math.Round(result[0], 1) == 0.3", new[] { 0.25000001 }, true)]
    [InlineData("double.IsNaN(result[0])", new[] { double.NaN }, true)]
    [InlineData("result[0] < 1", new[] { double.NaN }, false)]
    [InlineData("double.IsInfinity(result[0]) && result[0] > 0", new[] { double.PositiveInfinity }, true)]
    [InlineData("(int)result[0] == 2", new[] { 2.7 }, true)]
    public void Evaluate_computes_the_condition_over_the_reading(string expression, double[] result, bool expected) =>
        Assert.Equal(expected, MetricCondition.Evaluate(expression, result));

    [Fact]
    public void Evaluate_when_an_index_is_out_of_range_throws_naming_the_index_and_the_values_read()
    {
        var failure = Assert.Throws<MetricConditionException>(() => MetricCondition.Evaluate("result[1] < 0.05", [0.01]));

        Assert.Equal("result[1] is out of range: the reading has 1 value.", failure.Message);
    }

    [Fact]
    public void Evaluate_when_the_reading_is_empty_throws_saying_it_has_no_values()
    {
        var failure = Assert.Throws<MetricConditionException>(() => MetricCondition.Evaluate("result[0] < 0.05", []));

        Assert.Equal("result[0] is out of range: the reading has 0 values.", failure.Message);
    }

    [Fact]
    public void Evaluate_when_a_negative_index_is_computed_throws_naming_it() =>
        Assert.Equal(
            "result[-1] is out of range: the reading has 2 values.",
            Assert.Throws<MetricConditionException>(() => MetricCondition.Evaluate("result[result.Length - 3] > 0", [1, 2])).Message);

    [Fact]
    public void Evaluate_when_an_integer_division_by_zero_happens_throws_a_condition_exception()
    {
        var failure = Assert.Throws<MetricConditionException>(() => MetricCondition.Evaluate("1 / ((int)result[0]) > 0", [0]));

        Assert.IsType<DivideByZeroException>(failure.InnerException);
        Assert.Contains("1 / ((int)result[0]) > 0", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_of_a_refused_condition_throws_with_the_reason_check_gives()
    {
        var failure = Assert.Throws<MetricConditionException>(() => MetricCondition.Evaluate("result.GetType() != null", [1]));

        Assert.Equal($"The condition 'result.GetType() != null' {MetricCondition.Check("result.GetType() != null")}.", failure.Message);
    }

    [Fact]
    public void Evaluate_of_ordinary_conditions_never_hits_the_time_limit()
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 100; i++)
        {
            // The time limit would throw MetricConditionException; each evaluation answers instead.
            Assert.True(MetricCondition.Evaluate("Math.Abs(result[0] - result[1]) < 1 && result.Length == 2", [i, i + 0.5]));
        }

        // Each runs in microseconds plus a thread start; a tenth of the limit on average leaves room for a loaded machine.
        Assert.True(watch.Elapsed / 100 < MetricCondition.TimeLimit / 10, $"100 evaluations took {watch.Elapsed}");
    }

    [Fact]
    public void Evaluate_does_not_see_changes_made_to_the_reading_by_the_caller_afterwards()
    {
        var values = new List<double> { 1 };

        Assert.True(MetricCondition.Evaluate("result[0] == 1", values));
        values[0] = 2;
        Assert.False(MetricCondition.Evaluate("result[0] == 1", values));
    }
}
