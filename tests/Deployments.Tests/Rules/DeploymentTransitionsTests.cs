using Deployments.Model;
using Deployments.Rules;

namespace Deployments.Tests.Rules;

public sealed class DeploymentTransitionsTests
{
    /// <summary>Every allowed pair; every pair not listed here must be refused (checked below).</summary>
    private static readonly (DeploymentStatus From, DeploymentCommand Command, DeploymentStatus To)[] AllowedPairs =
    [
        (DeploymentStatus.Pending, DeploymentCommand.Start, DeploymentStatus.Running),
        (DeploymentStatus.Pending, DeploymentCommand.RequestApproval, DeploymentStatus.Pending),
        (DeploymentStatus.Pending, DeploymentCommand.Approve, DeploymentStatus.Running),
        (DeploymentStatus.Pending, DeploymentCommand.Reject, DeploymentStatus.Cancelled),
        (DeploymentStatus.Pending, DeploymentCommand.MarkPromoting, DeploymentStatus.Promoting),
        (DeploymentStatus.Pending, DeploymentCommand.Fail, DeploymentStatus.Failed),
        (DeploymentStatus.Pending, DeploymentCommand.Cancel, DeploymentStatus.Cancelled),
        (DeploymentStatus.Pending, DeploymentCommand.Supersede, DeploymentStatus.Cancelled),
        (DeploymentStatus.Running, DeploymentCommand.MarkPromoting, DeploymentStatus.Promoting),
        (DeploymentStatus.Running, DeploymentCommand.Pause, DeploymentStatus.Paused),
        (DeploymentStatus.Running, DeploymentCommand.Promote, DeploymentStatus.Running),
        (DeploymentStatus.Running, DeploymentCommand.Continue, DeploymentStatus.Running),
        (DeploymentStatus.Running, DeploymentCommand.Succeed, DeploymentStatus.Successful),
        (DeploymentStatus.Running, DeploymentCommand.Fail, DeploymentStatus.Failed),
        (DeploymentStatus.Running, DeploymentCommand.Cancel, DeploymentStatus.Cancelled),
        (DeploymentStatus.Running, DeploymentCommand.Supersede, DeploymentStatus.Cancelled),
        (DeploymentStatus.Paused, DeploymentCommand.Resume, DeploymentStatus.Running),
        (DeploymentStatus.Paused, DeploymentCommand.Succeed, DeploymentStatus.Successful),
        (DeploymentStatus.Paused, DeploymentCommand.Fail, DeploymentStatus.Failed),
        (DeploymentStatus.Paused, DeploymentCommand.Cancel, DeploymentStatus.Cancelled),
        (DeploymentStatus.Paused, DeploymentCommand.Supersede, DeploymentStatus.Cancelled),
        (DeploymentStatus.Promoting, DeploymentCommand.Start, DeploymentStatus.Running),
        (DeploymentStatus.Promoting, DeploymentCommand.Pause, DeploymentStatus.Paused),
        (DeploymentStatus.Promoting, DeploymentCommand.Succeed, DeploymentStatus.Successful),
        (DeploymentStatus.Promoting, DeploymentCommand.Fail, DeploymentStatus.Failed),
        (DeploymentStatus.Promoting, DeploymentCommand.Cancel, DeploymentStatus.Cancelled),
        (DeploymentStatus.Promoting, DeploymentCommand.Supersede, DeploymentStatus.Cancelled),
    ];

    public static TheoryData<DeploymentStatus, DeploymentCommand, DeploymentStatus> Allowed()
    {
        var data = new TheoryData<DeploymentStatus, DeploymentCommand, DeploymentStatus>();
        foreach (var (from, command, to) in AllowedPairs)
        {
            data.Add(from, command, to);
        }

        return data;
    }

    public static TheoryData<DeploymentStatus, DeploymentCommand> Refused()
    {
        var allowed = AllowedPairs.Select(pair => (pair.From, pair.Command)).ToHashSet();
        var refused = new TheoryData<DeploymentStatus, DeploymentCommand>();
        foreach (var status in Enum.GetValues<DeploymentStatus>())
        {
            foreach (var command in Enum.GetValues<DeploymentCommand>().Where(c => !allowed.Contains((status, c))))
            {
                refused.Add(status, command);
            }
        }

        return refused;
    }

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Command_InStatusThatAcceptsIt_MovesToTheExpectedStatus(DeploymentStatus from, DeploymentCommand command, DeploymentStatus to)
    {
        var transition = DeploymentTransitions.Apply(from, command);

        Assert.True(transition.Allowed);
        Assert.Equal(to, transition.To);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void Command_InStatusThatRefusesIt_IsRefusedWithAReason(DeploymentStatus from, DeploymentCommand command)
    {
        var transition = DeploymentTransitions.Apply(from, command);

        Assert.False(transition.Allowed);
        Assert.False(string.IsNullOrWhiteSpace(transition.RefusedBecause));
    }

    [Fact]
    public void Promote_WhilePaused_SaysToResumeFirst() =>
        Assert.Contains("resume", DeploymentTransitions.Apply(DeploymentStatus.Paused, DeploymentCommand.Promote).RefusedBecause, StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void AnyCommand_OnFinishedDeployment_NamesTheFinalStatus() =>
        Assert.Contains("successful", DeploymentTransitions.Apply(DeploymentStatus.Successful, DeploymentCommand.Cancel).RefusedBecause, StringComparison.Ordinal);
}
