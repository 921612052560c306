using Deployments.Model;

namespace Deployments.Api.Apis;

/// <summary>An app as the API shows it: its definition, the revisions that matter, and what is rolling it out now.</summary>
internal sealed record AppResource(
    Guid Id,
    string Name,
    string Namespace,
    Guid ClusterId,
    string? Environment,
    IReadOnlyDictionary<string, int> Groups,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    int? CurrentRevision,
    int? StableRevision,
    int LatestRevision,
    Guid? ActiveDeploymentId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static AppResource From(App app) => new(
        app.Id, app.Name, app.Namespace, app.ClusterId, app.Environment, app.Groups, app.Labels, app.Annotations,
        app.CurrentRevision, app.StableRevision, app.LatestRevision, app.ActiveDeploymentId, app.CreatedAt, app.UpdatedAt);
}

internal sealed record AppList(IReadOnlyList<AppResource> Apps);
