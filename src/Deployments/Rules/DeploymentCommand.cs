namespace Deployments.Rules;

/// <summary>Everything that can change a deployment's status, from a user or from its own rollout.</summary>
public enum DeploymentCommand
{
    /// <summary>The rollout begins (or resumes after promoting); a pending deployment becomes running.</summary>
    Start,

    /// <summary>A promotion into an environment now waits for approval; the deployment stays pending.</summary>
    RequestApproval,

    /// <summary>A waiting promotion was approved; the deployment starts running.</summary>
    Approve,

    /// <summary>A waiting promotion was rejected; the deployment is cancelled.</summary>
    Reject,

    /// <summary>A user holds the rollout at its next step.</summary>
    Pause,

    /// <summary>A user lets a paused rollout go on.</summary>
    Resume,

    /// <summary>A user promotes the canaries, so the rest of the instances follow.</summary>
    Promote,

    /// <summary>A user moves a canary rollout on to its next step.</summary>
    Continue,

    /// <summary>The rollout is moving the rest of the instances after its canaries.</summary>
    MarkPromoting,

    /// <summary>The rollout finished with every instance healthy.</summary>
    Succeed,

    /// <summary>The rollout failed, or a user marked it failed.</summary>
    Fail,

    /// <summary>A user cancelled the deployment.</summary>
    Cancel,

    /// <summary>A newer deployment of the same app replaces this one; it ends cancelled.</summary>
    Supersede,
}
