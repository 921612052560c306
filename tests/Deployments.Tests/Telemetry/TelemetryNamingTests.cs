using Deployments.Model;
using Deployments.Orchestrations;
using Deployments.Service;
using Deployments.Telemetry;
using Deployments.Tests.Infrastructure;

namespace Deployments.Tests.Telemetry;

/// <summary>The words the meter and the log scope use, read from the records and instance ids the domain writes.</summary>
public sealed class TelemetryNamingTests
{
    [Theory]
    [InlineData(DeploymentStatus.Successful, StatusDescriptions.Successful, FinishedOutcome.Succeeded)]
    [InlineData(DeploymentStatus.Failed, StatusDescriptions.FailedUnhealthy, FinishedOutcome.Failed)]
    [InlineData(DeploymentStatus.Cancelled, StatusDescriptions.CancelledByUser, FinishedOutcome.Cancelled)]
    [InlineData(DeploymentStatus.Cancelled, StatusDescriptions.CancelledNewer, FinishedOutcome.Superseded)]
    public void Outcome_NamesHowTheDeploymentEnded(DeploymentStatus status, string description, string outcome) =>
        Assert.Equal(outcome, FinishedOutcome.Of(Ended(status, description)));

    [Fact]
    public void Outcome_OfAFailureThatStartedARollback_IsRolledBack() =>
        Assert.Equal(FinishedOutcome.RolledBack, FinishedOutcome.Of(Ended(DeploymentStatus.Failed, StatusDescriptions.RollingBack(StatusDescriptions.FailedUnhealthy, 3))));

    [Fact]
    public void Kind_IsWrittenInSnakeCase() =>
        Assert.Equal(["rollout", "rollback", "cluster_promotion"], Enum.GetNames<DeploymentKind>().Select(TelemetryTags.SnakeCase));

    [Fact]
    public void DeploymentOf_FindsTheDeployment_InEveryInstanceIdThatNamesOne()
    {
        var deployment = Guid.NewGuid();
        var app = Guid.NewGuid();

        Assert.Equal(deployment, DeploymentLogScope.DeploymentOf(DeploymentService.InstanceIdFor(deployment)));
        Assert.Equal(deployment, DeploymentLogScope.DeploymentOf(EnvironmentPromotionOrchestrator.InstanceIdFor(deployment)));
        Assert.Equal(deployment, DeploymentLogScope.DeploymentOf($"notify-{deployment:N}-1234"));
        Assert.Equal(deployment, DeploymentLogScope.DeploymentOf($"retire-{app:N}-{deployment:N}"));
        Assert.Null(DeploymentLogScope.DeploymentOf($"scale-down-{app:N}-1234"));
        Assert.Null(DeploymentLogScope.DeploymentOf("deployment-not-a-guid"));
    }

    private static Deployment Ended(DeploymentStatus status, string description) => DeploymentRecords.New(Strategy.Canary, status, description);
}
