using Deployments.Model;
using Deployments.Rules;

namespace Deployments.Tests.Rules;

public sealed class DeploymentOptionsValidatorTests
{
    private static readonly Dictionary<string, int> Groups = new() { ["web"] = 3, ["worker"] = 2 };

    private static IReadOnlyList<string> FieldsOf(Strategy strategy, DeploymentOptions options) =>
        [.. DeploymentOptionsValidator.Validate(strategy, options, Groups).Select(e => e.Field)];

    [Fact]
    public void ValidCanary_HasNoErrors() =>
        Assert.Empty(FieldsOf(Strategy.Canary, new DeploymentOptions { Steps = [new(10), new(50, TimeSpan.FromMinutes(5)), new(100)] }));

    [Fact]
    public void Canary_WithoutSteps_NamesSteps() =>
        Assert.Equal(["options.steps"], FieldsOf(Strategy.Canary, new DeploymentOptions()));

    [Fact]
    public void Rolling_WithSteps_NamesSteps() =>
        Assert.Equal(["options.steps"], FieldsOf(Strategy.Rolling, new DeploymentOptions { Steps = [new(50)] }));

    [Fact]
    public void Steps_NotAscending_NameTheOffendingStep() =>
        Assert.Equal(["options.steps[2].instance_weight"], FieldsOf(Strategy.Canary, new DeploymentOptions { Steps = [new(10), new(60), new(40)] }));

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void StepWeight_OutOfRange_NamesTheStep(int weight) =>
        Assert.Equal(["options.steps[0].instance_weight"], FieldsOf(Strategy.Canary, new DeploymentOptions { Steps = [new(weight)] }));

    [Fact]
    public void MaxInFlight_BelowOne_IsNamed() =>
        Assert.Equal(["options.max_in_flight"], FieldsOf(Strategy.Rolling, new DeploymentOptions { MaxInFlight = 0 }));

    [Fact]
    public void UnknownGroup_IsNamedWithTheKnownOnes()
    {
        var errors = DeploymentOptionsValidator.Validate(Strategy.Rolling, new DeploymentOptions { Groups = new Dictionary<string, int> { ["api"] = 2 } }, Groups);

        var error = Assert.Single(errors);
        Assert.Equal("options.groups.api", error.Field);
        Assert.Contains("web", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deadlines_InconsistentWithEachOther_AreNamed() =>
        Assert.Equal(["options.healthy_deadline", "options.progress_deadline"], FieldsOf(Strategy.Rolling, new DeploymentOptions
        {
            MinHealthyTime = TimeSpan.FromMinutes(2),
            HealthyDeadline = TimeSpan.FromMinutes(1),
            ProgressDeadline = TimeSpan.FromSeconds(30),
        }));
}
