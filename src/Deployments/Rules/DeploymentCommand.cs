namespace Deployments.Rules;

/// <summary>Everything that can change a deployment's status, from a user or from its own rollout.</summary>
public enum DeploymentCommand
{
    Start,
    RequestApproval,
    Approve,
    Reject,
    Pause,
    Resume,
    Promote,
    Continue,
    MarkPromoting,
    Succeed,
    Fail,
    Cancel,
    Supersede,
}
