namespace Deployments.Metrics.Tests;

public sealed class TemplateArgumentsTests
{
    [Fact]
    public void Referenced_lists_each_name_once_in_order_of_first_use_allowing_whitespace_inside_the_braces() =>
        Assert.Equal(
            ["service", "canary-hash", "window.size", "v_2"],
            TemplateArguments.Referenced("rate(x{svc=\"{{service}}\",h=\"{{ canary-hash }}\"}[{{window.size}}]) / {{service}} + {{v_2}}"));

    [Fact]
    public void Referenced_ignores_braces_that_are_no_placeholder() =>
        Assert.Empty(TemplateArguments.Referenced("{a} {{}} {{a b}} {{ü}} {{a/b}}"));

    [Fact]
    public void Fill_replaces_every_placeholder_inserting_values_as_they_are()
    {
        var arguments = new Dictionary<string, string> { ["service"] = "api", ["selector"] = "code=~\"5..\"", ["window"] = "5m" };

        Assert.Equal(
            "sum(rate(http_requests_total{service=\"api\",code=~\"5..\"}[5m])) by (api)",
            TemplateArguments.Fill("sum(rate(http_requests_total{service=\"{{service}}\",{{ selector }}}[{{window}}])) by ({{service}})", arguments));
    }

    [Fact]
    public void Fill_leaves_text_without_placeholders_unchanged() =>
        Assert.Equal("up{job=\"x\"}", TemplateArguments.Fill("up{job=\"x\"}", new Dictionary<string, string>()));

    [Fact]
    public void Fill_when_an_argument_is_missing_throws_naming_it()
    {
        var failure = Assert.Throws<KeyNotFoundException>(() =>
            TemplateArguments.Fill("{{service}} {{namespace}}", new Dictionary<string, string> { ["service"] = "api" }));

        Assert.Contains("'namespace'", failure.Message, StringComparison.Ordinal);
    }
}
