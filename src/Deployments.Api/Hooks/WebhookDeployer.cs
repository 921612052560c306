using System.Text.Json;
using Deployments.Api.Apis;
using Deployments.Api.Http;
using Deployments.Model;
using Deployments.Refusals;
using Deployments.Service;
using Deployments.Storage;

namespace Deployments.Api.Hooks;

/// <summary>
/// Starts the deployment a webhook asks for, at most once per delivery id: claim the delivery, resolve the
/// app, create the deployment, record the answer. A redelivery is answered with the recorded answer.
/// </summary>
internal sealed class WebhookDeployer(DeploymentService deployments, AppCatalog apps, WebhookDeliveryStore deliveries)
{
    public const string ReplayedHeader = "X-Delivery-Replayed";

    public async Task<IResult> DeployAsync(HttpContext http, string source, string deliveryId, DeployIntent intent, JsonSerializerOptions apiJson, CancellationToken cancellationToken)
    {
        switch (await deliveries.ClaimAsync(source, deliveryId, cancellationToken))
        {
            case DeliveryClaim.Recorded { Response: var recorded }:
                http.Response.Headers[ReplayedHeader] = "true";
                return await AnswerAsync(recorded, apiJson, cancellationToken);
            case DeliveryClaim.InProgress:
                return ProblemResults.Problem(StatusCodes.Status409Conflict, "Delivery in progress", $"Delivery '{deliveryId}' is being handled; retry in a few minutes for its result.");
            case DeliveryClaim.Claimed { TakenOver: var takenOver }:
                var response = await StartAsync(source, deliveryId, intent, takenOver, apiJson, cancellationToken);
                await deliveries.RecordAsync(source, deliveryId, response, cancellationToken);
                return await AnswerAsync(response, apiJson, cancellationToken);
            default:
                throw new InvalidOperationException("Unknown delivery claim.");
        }
    }

    private async Task<RecordedResponse> StartAsync(string source, string deliveryId, DeployIntent intent, bool takenOver, JsonSerializerOptions apiJson, CancellationToken cancellationToken)
    {
        try
        {
            var app = await ResolveAsync(intent, cancellationToken);
            var deployment = takenOver ? await EarlierAttemptAsync(app, deliveryId, cancellationToken) : null;
            deployment ??= await deployments.CreateAsync(
                new CreateDeploymentRequest(app.Id, intent.Strategy, intent.Actor, intent.Revision, intent.NewRevision, intent.Options, intent.Reason), cancellationToken);
            return new RecordedResponse(StatusCodes.Status201Created, JsonSerializer.Serialize(DeploymentResource.From(deployment), apiJson), $"/api/deployments/{deployment.Id:N}", deployment.Id.ToString("N"));
        }
        catch (Exception refused) when (refused is ValidationException or NotFoundException or CommandRefusedException or UnprocessableException)
        {
            // Nothing was started: forget the delivery so a redelivery after the cause is fixed can deploy.
            await deliveries.ReleaseAsync(source, deliveryId, CancellationToken.None);
            throw;
        }
    }

    private async Task<App> ResolveAsync(DeployIntent intent, CancellationToken cancellationToken)
    {
        var reference = intent.App;
        var app = reference.Id is { } id
            ? await apps.FindAppAsync(id, cancellationToken)
            : await apps.FindAppAsync(reference.Namespace, reference.Name!, cancellationToken);
        if (app is null)
        {
            throw new UnprocessableException(reference.Id is null ? "app" : "app_id", $"No app {reference} exists.");
        }

        if (intent.RequiredEnvironment is { } wanted && app.Environment is { } actual && actual != wanted)
        {
            throw new UnprocessableException("environment", $"App {app.Name} belongs to environment '{actual}', not '{wanted}'.");
        }

        return app;
    }

    /// <summary>
    /// A process that claimed this delivery and died may have created the deployment before recording it;
    /// the delivery id in the deployment's reason finds it, so taking over never deploys twice.
    /// </summary>
    private async Task<Deployment?> EarlierAttemptAsync(App app, string deliveryId, CancellationToken cancellationToken)
    {
        var marker = $"(delivery {deliveryId})";
        string? page = null;
        do
        {
            // Every page: a takeover is rare, and the app's deployments are not ordered by time.
            var (found, next) = await deployments.ListAsync(new DeploymentQuery { Namespace = app.Namespace, AppId = app.Id, PageSize = 200, ContinuationToken = page }, cancellationToken);
            if (found.FirstOrDefault(d => d.Reason?.EndsWith(marker, StringComparison.Ordinal) == true) is { } earlier)
            {
                return earlier;
            }

            page = next;
        }
        while (page is not null);
        return null;
    }

    private async Task<IResult> AnswerAsync(RecordedResponse response, JsonSerializerOptions apiJson, CancellationToken cancellationToken)
    {
        var body = response.Body;
        if (body is null && Guid.TryParse(response.DeploymentId, out var id) && await deployments.GetAsync(id, cancellationToken) is { } deployment)
        {
            body = JsonSerializer.Serialize(DeploymentResource.From(deployment), apiJson);
        }

        return new RecordedResult(response.Status, body, response.Location);
    }

    private sealed class RecordedResult(int status, string? body, string? location) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            if (location is not null)
            {
                httpContext.Response.Headers.Location = location;
            }

            if (body is not null)
            {
                httpContext.Response.ContentType = "application/json; charset=utf-8";
                await httpContext.Response.WriteAsync(body);
            }
        }
    }
}
