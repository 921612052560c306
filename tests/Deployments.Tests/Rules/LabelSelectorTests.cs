using Deployments.Model;

namespace Deployments.Tests.Rules;

public sealed class LabelSelectorTests
{
    private static readonly Dictionary<string, string> Payments = new() { ["team"] = "payments", ["tier"] = "api", ["example.com/owner"] = "ana" };

    [Theory]
    [InlineData("team", true)]
    [InlineData("!team", false)]
    [InlineData("!region", true)]
    [InlineData("team=payments", true)]
    [InlineData("team==payments", true)]
    [InlineData("team=search", false)]
    [InlineData("team!=search", true)]
    [InlineData("region!=eu", true)]
    [InlineData("tier in (api,web)", true)]
    [InlineData("tier in (web)", false)]
    [InlineData("tier notin (web, worker)", true)]
    [InlineData("region notin (eu)", true)]
    [InlineData("team=payments, tier in (api,web), !region", true)]
    [InlineData("team=payments,tier=web", false)]
    [InlineData("example.com/owner=ana", true)]
    [InlineData("tier=", false)]
    public void Selector_MatchesLabels_AsCloudFoundryDefinesEachRequirement(string selector, bool matches)
    {
        Assert.True(LabelSelector.TryParse(selector, out var parsed, out var error), error);
        Assert.Equal(matches, parsed!.Matches(Payments));
    }

    [Theory]
    [InlineData("")]
    [InlineData("=payments")]
    [InlineData("team=pay=ments")]
    [InlineData("tier in api,web")]
    [InlineData("tier in (api")]
    [InlineData("team,,tier")]
    [InlineData("!")]
    [InlineData("team=a b")]
    public void Malformed_Selector_IsRefusedWithWhatIsWrong(string selector)
    {
        Assert.False(LabelSelector.TryParse(selector, out var parsed, out var error));
        Assert.Null(parsed);
        Assert.False(string.IsNullOrEmpty(error));
    }
}
