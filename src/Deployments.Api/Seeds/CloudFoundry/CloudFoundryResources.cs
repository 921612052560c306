using System.Text.Json.Serialization;
using Deployments.Api.Apis;

namespace Deployments.Api.Seeds.CloudFoundry;

/// <summary>A deployment in Cloud Foundry's shape.</summary>
internal sealed record CloudFoundryDeployment(
    Guid Guid,
    string CreatedAt,
    string UpdatedAt,
    CloudFoundryStatus Status,
    string Strategy,
    CloudFoundryOptions Options,
    CloudFoundryGuidRef Droplet,
    CloudFoundryGuidRef PreviousDroplet,
    IReadOnlyList<CloudFoundryProcess> NewProcesses,
    CloudFoundryRevisionRef Revision,
    CloudFoundryRelationships Relationships,
    MetadataBody Metadata,
    CloudFoundryLinks Links);

/// <summary>Cloud Foundry's <c>status</c>: ACTIVE or FINALIZED, why, and when.</summary>
internal sealed record CloudFoundryStatus(string Value, string Reason, CloudFoundryStatusDetails Details);

/// <summary>
/// When the deployment last saw a healthy instance and last changed status; <c>error</c> (not Cloud Foundry's)
/// says why a failed rollout, which Cloud Foundry has no reason for, ended.
/// </summary>
internal sealed record CloudFoundryStatusDetails([property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? LastSuccessfulHealthcheck, string LastStatusChange, string? Error);

/// <summary>A process the deployment brings up: one per group, its type the group's name.</summary>
internal sealed record CloudFoundryProcess(Guid Guid, string Type);

/// <summary>The revision deployed: its stable guid and its number.</summary>
internal sealed record CloudFoundryRevisionRef(Guid Guid, int Version);

/// <summary>Where the deployment, its app and its actions are.</summary>
internal sealed record CloudFoundryLinks(CloudFoundryLink Self, CloudFoundryLink App, CloudFoundryLink Cancel, CloudFoundryLink Continue);

/// <summary>An absolute URL and the method to use on it.</summary>
internal sealed record CloudFoundryLink(string Href, string Method);

/// <summary>Cloud Foundry's list envelope.</summary>
internal sealed record CloudFoundryPage(CloudFoundryPagination Pagination, IReadOnlyList<CloudFoundryDeployment> Resources);

/// <summary>How many deployments match, in how many pages, and where the neighbouring pages are: null past either end, written as Cloud Foundry writes it.</summary>
internal sealed record CloudFoundryPagination(int TotalResults, int TotalPages, CloudFoundryHref First, CloudFoundryHref Last,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] CloudFoundryHref? Next,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] CloudFoundryHref? Previous);

/// <summary>A page's absolute URL.</summary>
internal sealed record CloudFoundryHref(string Href);
