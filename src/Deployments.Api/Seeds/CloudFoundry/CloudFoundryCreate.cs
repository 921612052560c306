using Deployments.Model;
using Deployments.Refusals;
using Deployments.Rules;
using Deployments.Service;

namespace Deployments.Api.Seeds.CloudFoundry;

/// <summary>
/// Cloud Foundry's create body as the domain's <see cref="CreateDeploymentRequest"/>: every field either maps
/// onto the model or is refused with a 422 naming it; none is dropped.
/// </summary>
internal static class CloudFoundryCreate
{
    /// <summary>Cloud Foundry's "no log rate limit", the only one this product has.</summary>
    public const long Unlimited = -1;

    private const string AppField = "relationships.app.data.guid";

    public static async Task<CreateDeploymentRequest> ToRequestAsync(CloudFoundryCreateBody body, string actor, AppCatalog catalog, CancellationToken ct)
    {
        var errors = new List<ValidationError>();
        var appText = body.Relationships?.App?.Data?.Guid;
        if (appText is null)
        {
            errors.Add(new(AppField, "is required: the app to deploy"));
        }

        var strategy = body.Strategy switch
        {
            null or "rolling" => Strategy.Rolling,
            "canary" => Strategy.Canary,
            _ => Add(errors, "strategy", "must be one of 'rolling', 'canary'", Strategy.Rolling),
        };
        var options = body.Options ?? new CloudFoundryOptions();
        if (options.LogRateLimitInBytesPerSecond is not null and not Unlimited)
        {
            errors.Add(new("options.log_rate_limit_in_bytes_per_second", "must be -1 (unlimited): this product keeps no log rate limit"));
        }

        if (options.Canary is not null && strategy != Strategy.Canary)
        {
            errors.Add(new("options.canary", "applies to the canary strategy only"));
        }

        if (options.Canary?.Steps is { } steps && steps.Select((s, i) => (s, i)).Where(p => p.s.InstanceWeight is null).ToList() is { Count: > 0 } missing)
        {
            errors.AddRange(missing.Select(p => new ValidationError($"options.canary.steps[{p.i}].instance_weight", "is required")));
        }

        if (body.Droplet is not null && body.Revision is not null)
        {
            errors.Add(new("droplet", "name a droplet or a revision, not both"));
        }

        foreach (var (field, reference) in new[] { ("droplet.guid", body.Droplet), ("revision.guid", body.Revision) })
        {
            if (reference is { Guid: null })
            {
                errors.Add(new(field, "is required"));
            }
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        var app = (Guid.TryParse(appText, out var appId) ? await catalog.FindAppAsync(appId, ct) : null)
            ?? throw new UnprocessableException(AppField, "Unable to use app. Ensure that the app exists and you have access to it.");
        var revision = await RevisionNumberAsync(body, app, catalog, ct);
        var deploymentOptions = new DeploymentOptions
        {
            MaxInFlight = options.MaxInFlight ?? 1,
            Groups = options.WebInstances is { } instances ? new Dictionary<string, int> { [WebGroup(app)] = instances } : null,
            // Cloud Foundry's canary without steps brings up one instance and pauses: the smallest share, rounded up to an instance.
            Steps = strategy == Strategy.Canary
                ? [.. options.Canary?.Steps is { Count: > 0 } canarySteps ? canarySteps.Select(s => new CanaryStep(s.InstanceWeight!.Value)) : [new CanaryStep(1)]]
                : [],
        };
        var newRevision = options.MemoryInMb is not null || options.DiskInMb is not null
            ? await WithResourcesAsync(app, revision, options, catalog, ct)
            : null;
        return new CreateDeploymentRequest(app.Id, strategy, actor, newRevision is null ? revision : null, newRevision, deploymentOptions,
            Metadata: body.Metadata?.ToMetadata());
    }

    /// <summary>The domain's field names for the options, in Cloud Foundry's words.</summary>
    public static ValidationException InCloudFoundryWords(ValidationException refused) => new([.. refused.Errors.Select(e => e with
    {
        Field = e.Field.StartsWith("options.groups.", StringComparison.Ordinal) ? "options.web_instances"
            : e.Field.StartsWith("options.steps", StringComparison.Ordinal) ? "options.canary." + e.Field["options.".Length..]
            : e.Field,
    })]);

    private static string WebGroup(App app) => CloudFoundryView.WebGroupOf([.. app.Groups.Keys])
        ?? throw new UnprocessableException("options.web_instances", $"App {app.Name} has no web process to scale (its groups: {string.Join(", ", app.Groups.Keys)}).");

    /// <summary>The revision a droplet or revision guid names (their guids are derived from the number), else null: the app's current one.</summary>
    private static async Task<int?> RevisionNumberAsync(CloudFoundryCreateBody body, App app, AppCatalog catalog, CancellationToken ct)
    {
        (string Field, string Text, Func<Guid, int, Guid> GuidOf)? named = body.Droplet is { Guid: { } droplet } ? ("droplet.guid", droplet, CloudFoundryGuids.Droplet)
            : body.Revision is { Guid: { } revision } ? ("revision.guid", revision, CloudFoundryGuids.Revision)
            : null;
        if (named is not var (field, text, guidOf))
        {
            return null;
        }

        var found = Guid.TryParse(text, out var guid)
            ? (await catalog.ListRevisionsAsync(app.Id, ct)).FirstOrDefault(r => guidOf(app.Id, r.Number) == guid)
            : null;
        return found?.Number ?? throw new UnprocessableException(field, $"Unable to assign {field[..field.IndexOf('.', StringComparison.Ordinal)]}. Ensure it exists and belongs to app {app.Name}.");
    }

    /// <summary>Memory and disk belong to a revision here: the deployment gets a new revision, the source's with them replaced.</summary>
    private static async Task<RevisionSpec> WithResourcesAsync(App app, int? revision, CloudFoundryOptions options, AppCatalog catalog, CancellationToken ct)
    {
        var number = revision ?? app.CurrentRevision
            ?? throw new UnprocessableException("options.memory_in_mb", $"App {app.Name} has no droplet yet to run with other memory or disk.");
        var source = await catalog.GetRevisionAsync(app.Id, number, ct);
        return RevisionRules.Override(source, new RevisionOverrides(Resources: new ResourceOverrides(MemoryMb: options.MemoryInMb, DiskMb: options.DiskInMb)));
    }

    private static T Add<T>(List<ValidationError> errors, string field, string message, T fallback)
    {
        errors.Add(new(field, message));
        return fallback;
    }
}
