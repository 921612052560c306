using Deployments.Functions.Hosting;
using Deployments.Model;
using Deployments.Service;
using Deployments.Storage;
using Microsoft.AspNetCore.Mvc;

namespace Deployments.Functions.Apis;

/// <summary>/api/deployments: create, read, list and command deployments.</summary>
internal static class DeploymentsApi
{
    public static RouteGroupBuilder MapDeploymentsApi(this RouteGroupBuilder api)
    {
        var deployments = api.MapGroup("/deployments").WithTags("Deployments");
        deployments.MapPost("/", CreateAsync);
        deployments.MapGet("/", ListAsync);
        deployments.MapGet("/{id:guid}", GetAsync);
        deployments.MapGet("/{id:guid}/allocations", AllocationsAsync);
        deployments.MapGet("/{id:guid}/events", EventsAsync);
        deployments.MapPost("/{id:guid}/promote", (Guid id, PromoteBody? body, HttpContext http, DeploymentService service, CancellationToken ct) =>
            Command(() => service.PromoteAsync(id, body?.Groups, Actor.Of(http.User), ct)));
        deployments.MapPost("/{id:guid}/continue", (Guid id, HttpContext http, DeploymentService service, CancellationToken ct) =>
            Command(() => service.ContinueAsync(id, Actor.Of(http.User), ct)));
        deployments.MapPost("/{id:guid}/pause", (Guid id, PauseBody? body, HttpContext http, DeploymentService service, CancellationToken ct) =>
            Command(() => service.PauseAsync(id, body?.Pause ?? true, Actor.Of(http.User), ct)));
        deployments.MapPost("/{id:guid}/fail", (Guid id, ReasonBody? body, HttpContext http, DeploymentService service, CancellationToken ct) =>
            Command(() => service.FailAsync(id, Actor.Of(http.User), body?.Reason, ct)));
        deployments.MapPost("/{id:guid}/cancel", (Guid id, ReasonBody? body, HttpContext http, DeploymentService service, CancellationToken ct) =>
            Command(() => service.CancelAsync(id, Actor.Of(http.User), body?.Reason, ct)));
        deployments.MapPost("/{id:guid}/allocation-health", (Guid id, AllocationHealthBody body, HttpContext http, DeploymentService service, CancellationToken ct) =>
            Command(() => service.SetAllocationHealthAsync(id, body.HealthyAllocationIds ?? [], body.UnhealthyAllocationIds ?? [], Actor.Of(http.User), ct)));
        deployments.MapPost("/{id:guid}/approve", (Guid id, ReasonBody? body, HttpContext http, DeploymentService service, CancellationToken ct) =>
            Command(() => service.DecideApprovalAsync(id, true, Actor.Of(http.User), body?.Reason, ct)));
        deployments.MapPost("/{id:guid}/reject", (Guid id, ReasonBody? body, HttpContext http, DeploymentService service, CancellationToken ct) =>
            Command(() => service.DecideApprovalAsync(id, false, Actor.Of(http.User), body?.Reason, ct)));
        deployments.MapPost("/{id:guid}/promote-to-cluster", (Guid id, PromoteToClusterBody body, HttpContext http, DeploymentService service, CatalogService catalog, CancellationToken ct) =>
            ProblemResults.Guard(async () =>
            {
                var result = await service.PromoteToClusterAsync(new PromoteToClusterRequest(id, body.TargetClusterId, Actor.Of(http.User), body.NewName, body.DeleteSource, body.Overrides), catalog, ct);
                return TypedResults.Accepted($"/api/deployments/{result.NewDeploymentId:N}", result);
            }));
        return api;
    }

    private static Task<IResult> CreateAsync(CreateDeploymentBody body, HttpContext http, DeploymentService service, CancellationToken ct) =>
        ProblemResults.Guard(async () =>
        {
            var deployment = await service.CreateAsync(body.ToRequest(Actor.Of(http.User)), ct);
            return TypedResults.Created($"/api/deployments/{deployment.Id:N}", deployment);
        });

    private static Task<IResult> GetAsync(Guid id, HttpContext http, DeploymentService service, [FromQuery] long? index, [FromQuery] string? wait, CancellationToken ct) =>
        ProblemResults.Guard(async () =>
        {
            var deployment = await LongPoll.UntilPastAsync(index, wait, async token => await service.GetRequiredAsync(id, token), d => d.ModifyIndex, ct);
            http.Response.Headers[LongPoll.IndexHeader] = LongPoll.Format(deployment.ModifyIndex);
            return TypedResults.Ok(deployment);
        });

    private static Task<IResult> ListAsync(
        HttpContext http, DeploymentService service, [FromQuery(Name = "namespace")] string? @namespace, [FromQuery] string? prefix,
        [FromQuery(Name = "app_id")] Guid? appId, [FromQuery] string[]? status, [FromQuery(Name = "page_size")] int? pageSize,
        [FromQuery(Name = "next_token")] string? nextToken, CancellationToken ct) =>
        ProblemResults.Guard(async () =>
        {
            if (prefix is { Length: > 0 } && (prefix.Length % 2 != 0 || !prefix.All(char.IsAsciiHexDigit)))
            {
                return ProblemResults.Problem(StatusCodes.Status400BadRequest, "Invalid prefix", "An id prefix is an even number of hexadecimal characters.", "prefix");
            }

            var statuses = new List<DeploymentStatus>();
            foreach (var value in status ?? [])
            {
                if (!Enum.TryParse<DeploymentStatus>(value, ignoreCase: true, out var parsed))
                {
                    return ProblemResults.Problem(StatusCodes.Status400BadRequest, "Invalid status", $"'{value}' is not a deployment status.", "status");
                }

                statuses.Add(parsed);
            }

            var (found, token) = await service.ListAsync(new DeploymentQuery
            {
                Namespace = @namespace ?? DeploymentService.DefaultNamespace,
                IdPrefix = prefix,
                AppId = appId,
                Statuses = statuses,
                PageSize = Math.Clamp(pageSize ?? 50, 1, 500),
                ContinuationToken = nextToken,
            }, ct);
            return TypedResults.Ok(new DeploymentPage(found, token));
        });

    private static Task<IResult> AllocationsAsync(Guid id, DeploymentService service, CancellationToken ct) =>
        ProblemResults.Guard(async () => TypedResults.Ok(await service.AllocationsAsync(id, ct)));

    private static Task<IResult> EventsAsync(Guid id, DeploymentService service, CancellationToken ct) =>
        ProblemResults.Guard(async () =>
        {
            await service.GetRequiredAsync(id, ct);
            return TypedResults.Ok(await service.EventsAsync(id, ct));
        });

    private static Task<IResult> Command(Func<Task<Deployment>> command) =>
        ProblemResults.Guard(async () => TypedResults.Ok(await command()));

    internal sealed record DeploymentPage(IReadOnlyList<Deployment> Deployments, string? NextToken);
}
