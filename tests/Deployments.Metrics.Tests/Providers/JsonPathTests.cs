using System.Text.Json;
using Deployments.Metrics.Providers;

namespace Deployments.Metrics.Tests.Providers;

public sealed class JsonPathTests
{
    private const string Answer = """{"data":{"error_rate":0.02,"odd key":[1,2]},"series":[{"value":"0.5"},{"value":1.5}]}""";

    [Theory]
    [InlineData("$", JsonValueKind.Object)]
    [InlineData("$.data.error_rate", JsonValueKind.Number)]
    [InlineData("$['data']['odd key'][1]", JsonValueKind.Number)]
    [InlineData("$[\"data\"].error_rate", JsonValueKind.Number)]
    [InlineData("$.series[0].value", JsonValueKind.String)]
    [InlineData("$.series", JsonValueKind.Array)]
    public void Select_follows_names_quoted_names_and_indexes(string path, JsonValueKind kind)
    {
        using var document = JsonDocument.Parse(Answer);

        Assert.Equal(kind, JsonPath.Parse(path).Select(document.RootElement, out _)?.ValueKind);
    }

    [Theory]
    [InlineData("$.data.missing", "$['data'] has no property 'missing'")]
    [InlineData("$.series[2]", "$['series'] has 2 elements, so no [2]")]
    [InlineData("$.data.error_rate.x", "$['data']['error_rate'] is a number, which has no property 'x'")]
    [InlineData("$.data[0]", "$['data'] is an object, not an array to take [0] of")]
    public void Select_of_a_path_that_misses_says_which_step_found_nothing(string path, string expected)
    {
        using var document = JsonDocument.Parse(Answer);

        Assert.Null(JsonPath.Parse(path).Select(document.RootElement, out var miss));
        Assert.Equal(expected, miss);
    }

    [Theory]
    [InlineData("data.error_rate", "must start with $")]
    [InlineData("$..error_rate", "'.' at position 2")]
    [InlineData("$.series[*].value", "'*' at position 9")]
    [InlineData("$.series[?(@.value)]", "'?' at position 9")]
    [InlineData("$.series[0:2]", "':' at position 10")]
    [InlineData("$.series[-1]", "'-' at position 9")]
    [InlineData("$['data'", "unclosed")]
    [InlineData("$.", "ends early")]
    public void Parse_refuses_what_is_outside_the_subset_saying_where(string path, string expected) =>
        Assert.Contains(expected, Assert.Throws<FormatException>(() => JsonPath.Parse(path)).Message, StringComparison.Ordinal);
}
