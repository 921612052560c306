using Deployments.Model;
using Deployments.Refusals;

namespace Deployments.Api.Hooks;

/// <summary>What a webhook asks for, whatever its format: which app, what to run, how to roll it out.</summary>
internal sealed record DeployIntent(
    AppReference App,
    Strategy Strategy,
    int? Revision,
    RevisionSpec? NewRevision,
    DeploymentOptions? Options,
    string Actor,
    string Reason,
    string? RequiredEnvironment = null);

/// <summary>An app by id, or by name within a namespace.</summary>
internal sealed record AppReference(Guid? Id, string? Name, string Namespace)
{
    public override string ToString() => Id is { } id ? id.ToString("N") : $"{Namespace}/{Name}";
}

/// <summary>A payload that cannot be turned into a deployment; names the offending field.</summary>
internal sealed class HookPayloadException(string field, string message)
    : RequestRefusedException(Refusal.Invalid, "Invalid webhook payload", message, field);
