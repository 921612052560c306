using System.Text.Json;
using System.Text.Json.Serialization;
using Deployments.Model;
using Deployments.Rules;

namespace Deployments.Api.Hooks;

/// <summary>
/// Maps GitHub's <c>deployment</c> event to a deployment (see docs/webhooks.md):
/// <list type="bullet">
/// <item>app: <c>deployment.payload.app_id</c>, else <c>deployment.payload.app</c> (a name), else the repository's
/// name; looked up in <c>deployment.payload.namespace</c> (default <c>default</c>);</item>
/// <item>environment: <c>deployment.environment</c> must equal the app's environment when the app has one, so a
/// deployment meant for staging never reaches the production app;</item>
/// <item>artifact: <c>deployment.payload.artifact</c> (image or command and args), else <c>deployment.payload.image</c>
/// tagged with the commit sha; <c>{sha}</c> and <c>{ref}</c> in either are replaced; or an existing
/// <c>deployment.payload.revision</c>;</item>
/// <item>strategy and options: <c>deployment.payload.strategy</c> / <c>.options</c>, as the deployments API takes them;</item>
/// <item>actor: <c>github:</c> and the sender's login; the reason names the GitHub deployment, ref and sha.</item>
/// </list>
/// GitHub sends <c>deployment.payload</c> as an object, or as a string holding JSON when set from the CLI.
/// Unknown payload fields are ignored: teams keep their own data there.
/// </summary>
internal static class GitHubDeploymentEvent
{
    public static DeployIntent Parse(byte[] body, JsonSerializerOptions apiJson, string deliveryId)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException invalid)
        {
            throw new HookPayloadException("body", $"The event is not JSON: {invalid.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("deployment", out var deployment) || deployment.ValueKind != JsonValueKind.Object)
            {
                throw new HookPayloadException("deployment", "A deployment event carries a 'deployment' object.");
            }

            var sha = String(deployment, "sha") ?? throw new HookPayloadException("deployment.sha", "The deployment has no sha.");
            var gitRef = String(deployment, "ref") ?? sha;
            var environment = String(deployment, "environment");
            var payload = ReadPayload(deployment, apiJson);
            var repository = root.TryGetProperty("repository", out var repo) ? String(repo, "name") : null;
            var sender = root.TryGetProperty("sender", out var who) ? String(who, "login") : null;
            var githubId = deployment.TryGetProperty("id", out var id) ? id.ToString() : "?";

            var appName = payload.App ?? repository;
            if (payload.AppId is null && appName is null)
            {
                throw new HookPayloadException("deployment.payload.app", "Name the app in deployment.payload ('app_id' or 'app'), or send the repository.");
            }

            RevisionSpec? newRevision = null;
            if (payload.Artifact is { } artifact)
            {
                newRevision = new RevisionSpec(new Artifact(Fill(artifact.Image, sha, gitRef), Fill(artifact.Command, sha, gitRef), [.. (artifact.Args ?? []).Select(a => Fill(a, sha, gitRef)!)]),
                    payload.Config, payload.Environment, HealthPath: payload.HealthPath);
            }
            else if (payload.Image is { Length: > 0 } image)
            {
                newRevision = new RevisionSpec(new Artifact(TagWithSha(image, sha, gitRef), null, []), payload.Config, payload.Environment, HealthPath: payload.HealthPath);
            }
            else if (payload.Revision is null)
            {
                throw new HookPayloadException("deployment.payload.artifact", "Say what to deploy: deployment.payload.artifact, deployment.payload.image (tagged with the sha), or deployment.payload.revision.");
            }

            var shortSha = sha.Length > 7 ? sha[..7] : sha;
            return new DeployIntent(
                new AppReference(payload.AppId, payload.AppId is null ? appName : null, payload.Namespace ?? Names.DefaultNamespace),
                payload.Strategy,
                payload.Revision,
                newRevision,
                payload.Options,
                sender is null ? "github" : $"github:{sender}",
                $"GitHub deployment {githubId} of {gitRef}@{shortSha} to {environment ?? "(no environment)"} (delivery {deliveryId})",
                environment);
        }
    }

    private static Payload ReadPayload(JsonElement deployment, JsonSerializerOptions apiJson)
    {
        if (!deployment.TryGetProperty("payload", out var payload) || payload.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return new Payload();
        }

        var lenient = new JsonSerializerOptions(apiJson) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip };
        try
        {
            return payload.ValueKind switch
            {
                JsonValueKind.Object => payload.Deserialize<Payload>(lenient) ?? new Payload(),
                JsonValueKind.String when payload.GetString() is { Length: > 0 } text => FromText(text, lenient),
                JsonValueKind.String => new Payload(),
                _ => throw new HookPayloadException("deployment.payload", "deployment.payload must be an object or a JSON string."),
            };
        }
        catch (JsonException invalid)
        {
            throw new HookPayloadException("deployment.payload", $"deployment.payload is not valid: {invalid.Message}");
        }
    }

    /// <summary>A payload set from the CLI is JSON inside a string: its own strings are checked for text like the event's.</summary>
    private static Payload FromText(string text, JsonSerializerOptions lenient)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        if (Http.JsonText.FirstNonText(bytes) is { } field)
        {
            var path = field == Http.JsonErrors.BodyField ? "deployment.payload" : $"deployment.payload.{field}";
            throw new HookPayloadException(path, $"{path} {Http.JsonText.NotText}.");
        }

        return JsonSerializer.Deserialize<Payload>(bytes, lenient) ?? new Payload();
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    private static string? Fill(string? template, string sha, string gitRef) =>
        template?.Replace("{sha}", sha, StringComparison.Ordinal).Replace("{ref}", gitRef, StringComparison.Ordinal);

    /// <summary>An image without a tag gets the commit sha as its tag; a templated one gets it where it says.</summary>
    private static string TagWithSha(string image, string sha, string gitRef)
    {
        if (image.Contains("{sha}", StringComparison.Ordinal) || image.Contains("{ref}", StringComparison.Ordinal))
        {
            return Fill(image, sha, gitRef)!;
        }

        var name = image[(image.LastIndexOf('/') + 1)..];
        return name.Contains(':', StringComparison.Ordinal) || name.Contains('@', StringComparison.Ordinal) ? image : $"{image}:{sha}";
    }

    /// <summary>The fields read from deployment.payload.</summary>
    private sealed record Payload(
        Guid? AppId = null,
        string? App = null,
        string? Namespace = null,
        ArtifactTemplate? Artifact = null,
        string? Image = null,
        int? Revision = null,
        Strategy Strategy = Strategy.Rolling,
        DeploymentOptions? Options = null,
        IReadOnlyDictionary<string, string>? Config = null,
        IReadOnlyDictionary<string, EnvironmentValue>? Environment = null,
        string? HealthPath = null);

    private sealed record ArtifactTemplate(string? Image = null, string? Command = null, IReadOnlyList<string>? Args = null);
}
