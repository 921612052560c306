namespace Deployments.Metrics.Tests.Conditions;

public sealed class MetricConditionCheckTests
{
    [Theory]
    [InlineData("result[0] < 0.05")]
    [InlineData("result[0] >= 0.95 && result[1] <= 1")]
    [InlineData("result.Length == 0 || result[0] < 0.5")]
    [InlineData("!(result[0] > 3) || result[1] != 2")]
    [InlineData("(result[0] + result[1]) / 2 * 100 % 7 - -1 > 0")]
    [InlineData("(result.Length > 1 ? result[1] : result[0]) < 10")]
    [InlineData("Math.Abs(result[0] - result[1]) < Math.Max(0.1, Math.Min(1, 2))")]
    [InlineData("Math.Round(result[0], 2) == Math.Floor(result[0]) || Math.Ceiling(result[0]) > 0")]
    [InlineData("!double.IsNaN(result[0]) && !double.IsInfinity(result[0])")]
    [InlineData("(int)result[0] == 3 && (long)result.Length > 0")]
    [InlineData("true")]
    public void Check_accepts_boolean_expressions_over_result_with_the_whitelisted_functions(string expression) =>
        Assert.Null(MetricCondition.Check(expression));

    [Theory]
    [InlineData("result.GetType() != null", "GetType")]
    [InlineData("result.GetType().Name == \"x\"", "Name")]
    [InlineData("System.IO.File.Exists(\"/etc/passwd\")", "System")]
    [InlineData("new object() != null", "object")]
    [InlineData("\"abc\".Length > 2", "String.Length")]
    [InlineData("\"abc\".Contains(\"a\")", "String.Contains")]
    [InlineData("result.ToString() == \"\"", "ToString")]
    [InlineData("result.Clone() != null", "Clone")]
    [InlineData("result.Rank == 1", "Array.Rank")]
    [InlineData("Math.Pow(result[0], 2) > 1", "Math.Pow")]
    [InlineData("Math.Round(result[0], MidpointRounding.AwayFromZero) > 1", "MidpointRounding")]
    [InlineData("double.Parse(\"1\") > 0", "Double.Parse")]
    [InlineData("Environment.Exit(1) == null", "Environment")]
    [InlineData("typeof(double) != null", "typeof")]
    [InlineData("result[0] = 1", "assignment")]
    [InlineData("result is double[]", "")]
    [InlineData("x > 1", "'x'")]
    public void Check_refuses_what_is_outside_the_sandbox_naming_it(string expression, string named)
    {
        var message = MetricCondition.Check(expression);

        Assert.NotNull(message);
        Assert.Contains(named, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_refuses_a_method_call_with_the_list_of_what_a_condition_may_use()
    {
        var message = MetricCondition.Check("\"abc\".Contains(\"a\")");

        Assert.Equal(
            "may not use the method String.Contains: it may use result, result[i], result.Length, numbers, arithmetic, comparison, "
            + "logical and ?: operators, numeric casts and Math.Abs, Math.Min, Math.Max, Math.Round, Math.Floor, Math.Ceiling, "
            + "double.IsNaN and double.IsInfinity",
            message);
    }

    [Theory]
    [InlineData("result[0]")]
    [InlineData("result.Length")]
    [InlineData("Math.Abs(result[0])")]
    public void Check_refuses_an_expression_that_is_not_boolean(string expression) =>
        Assert.StartsWith("must be true or false", MetricCondition.Check(expression), StringComparison.Ordinal);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Check_refuses_an_empty_expression(string expression) =>
        Assert.StartsWith("is empty", MetricCondition.Check(expression), StringComparison.Ordinal);

    [Theory]
    [InlineData("result[0] <")]
    [InlineData("(result[0] > 1) + 1 > 0")]
    [InlineData("result[\"a\"] > 1")]
    public void Check_refuses_a_syntax_or_type_error_saying_it_is_not_valid(string expression) =>
        Assert.StartsWith("is not a valid expression", MetricCondition.Check(expression), StringComparison.Ordinal);

    [Fact]
    public void Check_refuses_an_expression_longer_than_the_limit_naming_the_limit()
    {
        var longest = "result[0] < 1" + new string(' ', 1000 - 13);
        var tooLong = longest + " ";

        Assert.Null(MetricCondition.Check(longest));
        Assert.Equal("is 1001 characters long; at most 1000 are allowed", MetricCondition.Check(tooLong));
    }
}
