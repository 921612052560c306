using Deployments.Model;

namespace Deployments.Rules;

/// <summary>The outcome of applying a command to a status: the new status, or why it is refused.</summary>
internal sealed record Transition(bool Allowed, DeploymentStatus To, string? RefusedBecause)
{
    public static Transition Allow(DeploymentStatus to) => new(true, to, null);

    public static Transition Refuse(string reason) => new(false, default, reason);
}

/// <summary>Which commands each status accepts. Pure: the HTTP layer and the orchestrations both ask here.</summary>
internal static class DeploymentTransitions
{
    public static Transition Apply(DeploymentStatus from, DeploymentCommand command) => (from, command) switch
    {
        (_, _) when from.IsTerminal() => Transition.Refuse($"Deployment is already {Name(from)}; it accepts no more commands."),

        (DeploymentStatus.Pending, DeploymentCommand.Start) => Transition.Allow(DeploymentStatus.Running),
        (DeploymentStatus.Pending, DeploymentCommand.RequestApproval) => Transition.Allow(DeploymentStatus.Pending),
        (DeploymentStatus.Pending, DeploymentCommand.Approve) => Transition.Allow(DeploymentStatus.Running),
        (DeploymentStatus.Pending, DeploymentCommand.Reject) => Transition.Allow(DeploymentStatus.Cancelled),
        (_, DeploymentCommand.Approve or DeploymentCommand.Reject) => Transition.Refuse($"Deployment is {Name(from)}; only a pending deployment awaiting approval can be approved or rejected."),

        (DeploymentStatus.Pending or DeploymentStatus.Running, DeploymentCommand.MarkPromoting) => Transition.Allow(DeploymentStatus.Promoting),
        (DeploymentStatus.Promoting, DeploymentCommand.Start) => Transition.Allow(DeploymentStatus.Running),

        (DeploymentStatus.Running or DeploymentStatus.Promoting, DeploymentCommand.Pause) => Transition.Allow(DeploymentStatus.Paused),
        (DeploymentStatus.Paused, DeploymentCommand.Pause) => Transition.Refuse("Deployment is already paused."),
        (_, DeploymentCommand.Pause) => Transition.Refuse($"Deployment is {Name(from)}; only a running deployment can be paused."),
        (DeploymentStatus.Paused, DeploymentCommand.Resume) => Transition.Allow(DeploymentStatus.Running),
        (_, DeploymentCommand.Resume) => Transition.Refuse($"Deployment is {Name(from)}, not paused."),

        (DeploymentStatus.Running, DeploymentCommand.Promote or DeploymentCommand.Continue) => Transition.Allow(DeploymentStatus.Running),
        (DeploymentStatus.Paused, DeploymentCommand.Promote or DeploymentCommand.Continue) => Transition.Refuse("Deployment is paused; resume it before promoting or continuing."),
        (_, DeploymentCommand.Promote or DeploymentCommand.Continue) => Transition.Refuse($"Deployment is {Name(from)}; it has no canary step waiting."),

        // A pause that arrives as the last step finishes does not keep a finished rollout from succeeding.
        (DeploymentStatus.Running or DeploymentStatus.Promoting or DeploymentStatus.Paused, DeploymentCommand.Succeed) => Transition.Allow(DeploymentStatus.Successful),
        (_, DeploymentCommand.Succeed) => Transition.Refuse($"Deployment is {Name(from)}; only a running deployment can succeed."),

        (_, DeploymentCommand.Fail) => Transition.Allow(DeploymentStatus.Failed),
        (_, DeploymentCommand.Cancel or DeploymentCommand.Supersede) => Transition.Allow(DeploymentStatus.Cancelled),

        _ => Transition.Refuse($"Deployment is {Name(from)}; '{command}' does not apply."),
    };

    private static string Name(DeploymentStatus status) => status.ToString().ToLowerInvariant();
}
