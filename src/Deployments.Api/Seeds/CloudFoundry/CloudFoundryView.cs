using System.Globalization;
using Deployments.Api.Apis;
using Deployments.Model;
using Deployments.Refusals;
using Deployments.Service;

namespace Deployments.Api.Seeds.CloudFoundry;

/// <summary>
/// Shows deployments in Cloud Foundry's shape for one request: links absolute from the request's scheme and
/// host, and the app and revision each deployment needs read once per request however many deployments share them.
/// </summary>
internal sealed class CloudFoundryView(HttpContext http, AppCatalog catalog)
{
    public const string WebProcess = "web";

    private readonly Dictionary<Guid, App?> apps = [];
    private readonly Dictionary<(Guid, int), Revision?> revisions = [];
    private readonly string origin = $"{http.Request.Scheme}://{http.Request.Host}";

    public string Url(string path) => origin + path;

    public async Task<CloudFoundryDeployment> ShowAsync(Deployment deployment, CancellationToken ct)
    {
        var app = await AppAsync(deployment.AppId, ct);
        var revision = await RevisionAsync(deployment.AppId, deployment.Revision, ct);
        var self = Url($"/v3/deployments/{deployment.Id}");
        var groups = deployment.Groups.Count > 0 ? deployment.Groups.Keys.ToList()
            : app is null ? [.. deployment.Options.Groups?.Keys ?? []] : [.. deployment.Options.CountsFor(app.Groups).Keys];
        return new CloudFoundryDeployment(
            deployment.Id,
            Timestamp(deployment.CreatedAt),
            Timestamp(deployment.UpdatedAt),
            Status(deployment),
            deployment.Strategy.ToString().ToLowerInvariant(),
            Options(deployment, app, revision),
            new CloudFoundryGuidRef(CloudFoundryGuids.Droplet(deployment.AppId, deployment.Revision).ToString()),
            new CloudFoundryGuidRef(deployment.PreviousRevision is { } previous ? CloudFoundryGuids.Droplet(deployment.AppId, previous).ToString() : null),
            [.. groups.Order(StringComparer.Ordinal).Select(group => new CloudFoundryProcess(CloudFoundryGuids.Process(deployment.Id, group), group))],
            new CloudFoundryRevisionRef(CloudFoundryGuids.Revision(deployment.AppId, deployment.Revision), deployment.Revision),
            new CloudFoundryRelationships(new CloudFoundryToOne(new CloudFoundryGuidRef(deployment.AppId.ToString()))),
            new MetadataBody(deployment.Metadata.Labels, deployment.Metadata.Annotations),
            new CloudFoundryLinks(
                new CloudFoundryLink(self, HttpMethods.Get),
                new CloudFoundryLink(Url($"/v3/apps/{deployment.AppId}"), HttpMethods.Get),
                new CloudFoundryLink($"{self}/actions/cancel", HttpMethods.Post),
                new CloudFoundryLink($"{self}/actions/continue", HttpMethods.Post)));
    }

    /// <summary>The group Cloud Foundry's <c>web_instances</c> scales: <c>web</c>, or an app's only group.</summary>
    public static string? WebGroupOf(IReadOnlyCollection<string> groups) =>
        groups.Contains(WebProcess) ? WebProcess : groups.Count == 1 ? groups.First() : null;

    /// <summary>
    /// Cloud Foundry's status words. A failed rollout, for which Cloud Foundry has none, reads FINALIZED/CANCELED
    /// (it ended without reaching its droplet, as a cancelled one) with the reason in <c>details.error</c>.
    /// </summary>
    public static (string Value, string Reason) StatusWords(Deployment deployment) => (
        deployment.Status.IsTerminal() ? "FINALIZED" : "ACTIVE",
        deployment.Status switch
        {
            DeploymentStatus.Paused => "PAUSED",
            _ when DeploymentState.AwaitsContinue(deployment) => "PAUSED",
            DeploymentStatus.Successful => "DEPLOYED",
            DeploymentStatus.Cancelled when DeploymentState.Of(deployment).Reason == DeploymentStateReason.Superseded => "SUPERSEDED",
            DeploymentStatus.Cancelled or DeploymentStatus.Failed => "CANCELED",
            _ => "DEPLOYING",
        });

    private static CloudFoundryStatus Status(Deployment deployment)
    {
        var (value, reason) = StatusWords(deployment);
        // Health observations write the record, so its last change is when an instance last reported healthy.
        var healthy = deployment.Groups.Values.Any(g => g.Healthy > 0) ? Timestamp(deployment.UpdatedAt) : null;
        return new CloudFoundryStatus(value, reason, new CloudFoundryStatusDetails(healthy, Timestamp(deployment.StatusChangedAt ?? deployment.CreatedAt),
            deployment.Status == DeploymentStatus.Failed ? deployment.StatusDescription : null));
    }

    private static CloudFoundryOptions Options(Deployment deployment, App? app, Revision? revision)
    {
        var groups = app?.Groups.Keys.ToList() ?? [.. deployment.Groups.Keys];
        int? web = WebGroupOf(groups) is { } group
            ? deployment.Options.Groups?.TryGetValue(group, out var count) == true ? count
            : deployment.Groups.TryGetValue(group, out var state) ? state.Desired
            : app?.Groups.GetValueOrDefault(group)
            : null;
        var canary = deployment.Strategy == Strategy.Canary
            ? new CloudFoundryCanary([.. deployment.Options.Steps.Select(s => new CloudFoundryCanaryStep(s.InstanceWeight))])
            : null;
        // No log rate limit is kept or enforced: Cloud Foundry's -1, unlimited.
        return new CloudFoundryOptions(deployment.Options.MaxInFlight, web, revision?.Resources.MemoryMb, revision?.Resources.DiskMb, CloudFoundryCreate.Unlimited, canary);
    }

    private static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private async Task<App?> AppAsync(Guid id, CancellationToken ct)
    {
        if (!apps.TryGetValue(id, out var app))
        {
            apps[id] = app = await catalog.FindAppAsync(id, ct);
        }

        return app;
    }

    /// <summary>Null once the app is gone: a deployment outlives its app's retirement.</summary>
    private async Task<Revision?> RevisionAsync(Guid appId, int number, CancellationToken ct)
    {
        if (!revisions.TryGetValue((appId, number), out var revision))
        {
            try
            {
                revision = await catalog.GetRevisionAsync(appId, number, ct);
            }
            catch (NotFoundException)
            {
                revision = null;
            }

            revisions[(appId, number)] = revision;
        }

        return revision;
    }
}
