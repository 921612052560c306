using System.Text.Json;
using Deployments.Model;
using Deployments.Rules;

namespace Deployments.Api.Hooks;

/// <summary>
/// The generic pipeline webhook (<c>POST /api/hooks/generic</c>), in the API's snake_case:
/// <c>{"app_id" | "app" + "namespace", "artifact": {"image"|"command","args"}, "revision"?, "strategy", "options",
/// "config"?, "environment"?, "health_path"?, "reason"?, "requested_by"?}</c>. Unknown fields are refused,
/// as everywhere in the API, so a typo does not silently deploy with defaults.
/// </summary>
internal sealed record GenericHookPayload(
    Guid? AppId = null,
    string? App = null,
    string? Namespace = null,
    Artifact? Artifact = null,
    int? Revision = null,
    Strategy Strategy = Strategy.Rolling,
    DeploymentOptions? Options = null,
    IReadOnlyDictionary<string, string>? Config = null,
    IReadOnlyDictionary<string, EnvironmentValue>? Environment = null,
    string? HealthPath = null,
    string? Reason = null,
    string? RequestedBy = null)
{
    public static DeployIntent Parse(byte[] body, JsonSerializerOptions apiJson, string deliveryId)
    {
        GenericHookPayload payload;
        try
        {
            payload = JsonSerializer.Deserialize<GenericHookPayload>(body, apiJson) ?? throw new HookPayloadException("body", "The body is empty.");
        }
        catch (JsonException invalid)
        {
            throw new HookPayloadException(invalid.Path is { Length: > 1 } path ? path.TrimStart('$', '.') : "body", $"The payload is not valid: {invalid.Message}");
        }

        if (payload.AppId is null && string.IsNullOrWhiteSpace(payload.App))
        {
            throw new HookPayloadException("app_id", "Name the app: 'app_id', or 'app' (a name) with an optional 'namespace'.");
        }

        var actor = payload.RequestedBy is { Length: > 0 } who ? $"webhook:generic:{who}" : "webhook:generic";
        return new DeployIntent(
            new AppReference(payload.AppId, payload.App, payload.Namespace ?? Names.DefaultNamespace),
            payload.Strategy,
            payload.Revision,
            payload.Artifact is { } artifact ? new RevisionSpec(artifact, payload.Config, payload.Environment, HealthPath: payload.HealthPath) : null,
            payload.Options,
            actor,
            $"{payload.Reason ?? "Generic webhook"} (delivery {deliveryId})");
    }
}
