using System.Text.Json;
using System.Text.RegularExpressions;
using Deployments.Api.Apis;
using Deployments.Api.Http;
using Deployments.Api.Http.RateLimits;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Deployments.Api.Hooks;

/// <summary>
/// /api/hooks: pipelines start deployments by webhook. Authenticated by signature (<c>X-Hub-Signature-256</c>
/// over the raw body with <c>Webhooks:Secret</c>), not by key, because CI systems sign rather than hold API
/// keys. Each delivery id (<c>X-GitHub-Delivery</c> or <c>X-Delivery-Id</c>) starts at most one deployment.
/// </summary>
internal static partial class HooksApi
{
    public const string SecretSetting = "Webhooks:Secret";
    public const string DeliveryHeader = "X-Delivery-Id";
    public const string GitHubDeliveryHeader = "X-GitHub-Delivery";
    public const string GitHubEventHeader = "X-GitHub-Event";

    /// <summary>Larger than any real event (GitHub caps payloads at 25 MB, but deployment events are small).</summary>
    private const int MaxBody = 1024 * 1024;

    public static RouteGroupBuilder MapHooksApi(this RouteGroupBuilder api)
    {
        var hooks = api.MapGroup("/hooks").WithTags("Webhooks").AllowAnonymous().RequireRateLimiting(RateLimitSetup.WebhookPolicy);
        hooks.MapPost("/generic", (HttpContext http, IConfiguration configuration, WebhookDeployer deployer, IOptions<JsonOptions> json, CancellationToken ct) =>
            ReceiveAsync(http, configuration, "generic", DeliveryHeader, async (body, delivery) =>
                await deployer.DeployAsync(http, "generic", delivery, GenericHookPayload.Parse(body, json.Value.SerializerOptions, delivery), json.Value.SerializerOptions, ct)))
            .WithWebhookResponses()
            .WithName("GenericWebhook");
        hooks.MapPost("/github", (HttpContext http, IConfiguration configuration, WebhookDeployer deployer, IOptions<JsonOptions> json, CancellationToken ct) =>
            ReceiveAsync(http, configuration, "github", GitHubDeliveryHeader, async (body, delivery) =>
                http.Request.Headers[GitHubEventHeader].ToString() switch
                {
                    "deployment" => await deployer.DeployAsync(http, "github", delivery, GitHubDeploymentEvent.Parse(body, json.Value.SerializerOptions, delivery), json.Value.SerializerOptions, ct),
                    "ping" => TypedResults.Ok(new HookPong("pong")),
                    var other => TypedResults.Accepted((string?)null, new HookIgnored(other, "only deployment events start deployments")),
                }))
            .WithWebhookResponses()
            .Produces<HookPong>(StatusCodes.Status200OK)
            .Produces<HookIgnored>(StatusCodes.Status202Accepted)
            .WithName("GitHubWebhook");
        return api;
    }

    /// <summary>
    /// What a delivery can be answered with: the deployment it started (a redelivery gets the same answer), or why
    /// it was refused. The key check does not apply; the signature does.
    /// </summary>
    private static RouteHandlerBuilder WithWebhookResponses(this RouteHandlerBuilder hook) => hook
        .Accepts<JsonElement>(ApiSetup.JsonContentType)
        .Produces<DeploymentResource>(StatusCodes.Status201Created)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    /// <summary>Reads the raw body (the signature covers its exact bytes), verifies it, then hands it on.</summary>
    private static async Task<IResult> ReceiveAsync(HttpContext http, IConfiguration configuration, string source, string deliveryHeader, Func<byte[], string, Task<IResult>> handle)
    {
        if (configuration[SecretSetting] is not { Length: > 0 } secret)
        {
            return ProblemResults.Problem(StatusCodes.Status503ServiceUnavailable, "Webhooks are not configured", $"Set {SecretSetting} to the secret the pipeline signs with.");
        }

        if (http.Request.ContentLength > MaxBody)
        {
            return ProblemResults.Problem(StatusCodes.Status413PayloadTooLarge, "Payload too large", $"Webhook payloads are at most {MaxBody} bytes.");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBody)
            {
                return ProblemResults.Problem(StatusCodes.Status413PayloadTooLarge, "Payload too large", $"Webhook payloads are at most {MaxBody} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        var body = buffer.ToArray();
        if (!HubSignature.Verify(secret, body, http.Request.Headers[HubSignature.Header].ToString()))
        {
            return ProblemResults.Problem(StatusCodes.Status401Unauthorized, "Invalid signature", $"{HubSignature.Header} must be sha256= and the hex HMAC-SHA256 of the raw body under the shared secret.");
        }

        var delivery = http.Request.Headers[deliveryHeader].ToString();
        if (!DeliveryIdPattern().IsMatch(delivery))
        {
            return ProblemResults.Problem(StatusCodes.Status400BadRequest, "Missing delivery id", $"{deliveryHeader} must be 1-128 letters, digits, '-', '_', '.' or ':'.", deliveryHeader);
        }

        if (JsonText.FirstNonText(body) is { } field)
        {
            throw new HookPayloadException(field, $"{field} {JsonText.NotText}.");
        }

        return await handle(body, delivery);
    }

    [GeneratedRegex("^[A-Za-z0-9_.:-]{1,128}$")]
    private static partial Regex DeliveryIdPattern();
}
