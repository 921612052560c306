using System.Diagnostics;
using Deployments.Api.Auth;
using Deployments.Api.Http;
using Deployments.Model;
using Deployments.Service;
using Deployments.Storage;
using Deployments.Telemetry;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Deployments.Api.Apis;

/// <summary>/api/deployments: create, read (long-polling), list and command deployments.</summary>
internal static class DeploymentsApi
{
    public static RouteGroupBuilder MapDeploymentsApi(this RouteGroupBuilder api)
    {
        var deployments = api.MapGroup("/deployments").WithTags("Deployments").WithIdempotentPosts()
            .AuthorizedById<DeploymentService>((service, id, ct) => service.GetAsync(id, ct));
        deployments.MapPost("/", CreateAsync).Accepts<CreateDeploymentBody>(ApiSetup.JsonContentType).WithName("StartDeployment");
        deployments.MapGet("/", ListAsync).WithName("ListDeployments");
        deployments.MapGet("/{id}", GetAsync).WithName("GetDeployment");
        deployments.MapPatch("/{id}", UpdateAsync).Accepts<UpdateDeploymentBody>(ApiSetup.JsonContentType).WithName("UpdateDeploymentMetadata");
        deployments.MapGet("/{id}/allocations", AllocationsAsync).WithName("ListDeploymentAllocations");
        deployments.MapGet("/{id}/events", EventsAsync).WithName("ListDeploymentEvents");
        deployments.MapGet("/{id}/analysis", AnalysisAsync).WithName("GetDeploymentAnalysis");
        deployments.MapPost("/{id}/promote", (Guid id, JsonBody<PromoteBody> body, HttpContext http, DeploymentService service, CancellationToken ct) =>
            Command(() => service.PromoteAsync(id, body.Value?.GroupsToPromote(), Actor.Of(http.User), ct)))
            .Accepts<PromoteBody>(ApiSetup.JsonContentType)
            .WithName("PromoteDeployment");
        deployments.MapPost("/{id}/continue", (Guid id, JsonBody<EmptyBody> body, HttpContext http, DeploymentService service, CancellationToken ct) =>
            Command(() => service.ContinueAsync(id, Actor.Of(http.User), ct)))
            .WithName("ContinueDeployment");
        deployments.MapPost("/{id}/pause", (Guid id, JsonBody<PauseBody> body, HttpContext http, DeploymentService service, CancellationToken ct) =>
            Command(() => service.PauseAsync(id, body.Value?.Pause ?? true, Actor.Of(http.User), ct)))
            .Accepts<PauseBody>(ApiSetup.JsonContentType)
            .WithName("PauseDeployment");
        deployments.MapPost("/{id}/fail", (Guid id, JsonBody<ReasonBody> body, HttpContext http, DeploymentService service, CancellationToken ct) =>
            Command(() => service.FailAsync(id, Actor.Of(http.User), Reason(body), ct)))
            .Accepts<ReasonBody>(ApiSetup.JsonContentType)
            .WithName("FailDeployment");
        deployments.MapPost("/{id}/cancel", (Guid id, JsonBody<ReasonBody> body, HttpContext http, DeploymentService service, CancellationToken ct) =>
            Command(() => service.CancelAsync(id, Actor.Of(http.User), Reason(body), ct)))
            .Accepts<ReasonBody>(ApiSetup.JsonContentType)
            .WithName("CancelDeployment");
        deployments.MapPost("/{id}/allocation-health", (Guid id, JsonBody<AllocationHealthBody> body, HttpContext http, DeploymentService service, CancellationToken ct) =>
            Command(() =>
        {
            var request = body.Required;
            return service.SetAllocationHealthAsync(id, request.HealthyAllocationIds ?? [], request.UnhealthyAllocationIds ?? [], Actor.Of(http.User), ct);
        }))
            .Accepts<AllocationHealthBody>(ApiSetup.JsonContentType)
            .WithName("SetAllocationHealth");
        deployments.MapPost("/{id}/approve", (Guid id, JsonBody<ReasonBody> body, HttpContext http, DeploymentPromotions promotions, CancellationToken ct) =>
            Command(() => promotions.DecideApprovalAsync(id, true, Actor.Of(http.User), Reason(body), ct)))
            .Accepts<ReasonBody>(ApiSetup.JsonContentType)
            .WithName("ApproveDeployment");
        deployments.MapPost("/{id}/reject", (Guid id, JsonBody<ReasonBody> body, HttpContext http, DeploymentPromotions promotions, CancellationToken ct) =>
            Command(() => promotions.DecideApprovalAsync(id, false, Actor.Of(http.User), Reason(body), ct)))
            .Accepts<ReasonBody>(ApiSetup.JsonContentType)
            .WithName("RejectDeployment");
        deployments.MapPost("/{id}/promote-to-cluster", PromoteToClusterAsync).Accepts<PromoteToClusterBody>(ApiSetup.JsonContentType).WithName("PromoteDeploymentToCluster");
        return api;
    }

    private static async Task<Created<DeploymentResource>> CreateAsync(JsonBody<CreateDeploymentBody> body, HttpContext http, DeploymentService service, CancellationToken ct)
    {
        var request = body.Required;
        DeploymentBodyRules.CheckCreate(request);
        var deployment = await service.CreateAsync(request.ToRequest(Actor.Of(http.User)), ct);
        // Its id was not in the route, so the request's span learns it here (commands get it from the route).
        Activity.Current?.SetTag(TelemetryTags.DeploymentId, deployment.Id.ToString());
        return TypedResults.Created($"/api/deployments/{deployment.Id}", DeploymentResource.From(deployment));
    }

    /// <summary>A blocking query with <c>?index=N&amp;wait=30s</c>: answers once the deployment's modify index passes N.</summary>
    private static async Task<Ok<DeploymentResource>> GetAsync(Guid id, HttpContext http, DeploymentService service, [FromQuery] long? index, [FromQuery] string? wait, CancellationToken ct)
    {
        QueryValues.CheckLongPoll(index, wait);
        var deployment = await LongPoll.UntilPastAsync(index, wait, async token => await service.GetRequiredAsync(id, token), d => d.ModifyIndex, ct);
        http.Response.Headers[LongPoll.IndexHeader] = LongPoll.Format(deployment.ModifyIndex);
        return TypedResults.Ok(DeploymentResource.From(deployment));
    }

    /// <summary>Cloud Foundry's update of a deployment: its labels and annotations, whatever its status.</summary>
    private static async Task<Ok<DeploymentResource>> UpdateAsync(Guid id, JsonBody<UpdateDeploymentBody> body, HttpContext http, DeploymentService service, CancellationToken ct)
    {
        var request = body.Required;
        RequiredFields.Check(("metadata", request.Metadata is not null));
        return TypedResults.Ok(DeploymentResource.From(await service.UpdateMetadataAsync(id, request.Metadata!.ToPatch(), Actor.Of(http.User), ct)));
    }

    /// <summary>
    /// Filters (namespace, Nomad-style id prefix, app, statuses, creation range, Cloud Foundry's label_selector), pages with next_token,
    /// and blocks like a read: the page's index is the highest modify index on it, so a new or changed
    /// deployment on the page ends the wait.
    /// </summary>
    private static async Task<Ok<DeploymentPage>> ListAsync(
        HttpContext http, DeploymentService service, [FromQuery(Name = "namespace")] string? @namespace, [FromQuery] string? prefix,
        [FromQuery(Name = "app_id")] Guid? appId, [FromQuery] string[]? status,
        [FromQuery(Name = "created_from")] DateTimeOffset? createdFrom, [FromQuery(Name = "created_to")] DateTimeOffset? createdTo,
        [FromQuery(Name = "label_selector")] string? labelSelector, [FromQuery(Name = "page_size")] int? pageSize, [FromQuery(Name = "next_token")] string? nextToken,
        [FromQuery] long? index, [FromQuery] string? wait, CancellationToken ct)
    {
        var query = new DeploymentQuery
        {
            Namespace = QueryValues.Namespace(@namespace),
            IdPrefix = DeploymentListRules.Prefix(prefix),
            AppId = appId,
            Statuses = DeploymentBodyRules.ParseStatuses(status),
            CreatedFrom = createdFrom,
            CreatedTo = DeploymentListRules.CreatedTo(createdFrom, createdTo),
            Labels = DeploymentListRules.Labels(labelSelector),
            PageSize = DeploymentListRules.PageSize(pageSize),
            ContinuationToken = PageTokens.Decode(nextToken),
        };
        QueryValues.CheckLongPoll(index, wait);
        var (found, token) = await LongPoll.UntilPastAsync(index, wait, token => service.ListAsync(query, token),
            page => LongPoll.IndexOf(page.Deployments), ct);
        http.Response.Headers[LongPoll.IndexHeader] = LongPoll.Format(LongPoll.IndexOf(found));
        return TypedResults.Ok(new DeploymentPage([.. found.Select(DeploymentResource.From)], PageTokens.Encode(token)));
    }

    /// <summary>
    /// Blocks like a read of the deployment (<c>?index=N&amp;wait=30s</c>). The index is the highest modify index
    /// among the deployment's allocations: every write of one (placed, stopped, health observed or set) raises
    /// its own, so any change of an allocation ends the wait, and a status change of the deployment alone does not.
    /// </summary>
    private static async Task<Ok<List<AllocationResource>>> AllocationsAsync(
        Guid id, HttpContext http, DeploymentService service, [FromQuery] long? index, [FromQuery] string? wait, CancellationToken ct)
    {
        QueryValues.CheckLongPoll(index, wait);
        var allocations = await LongPoll.UntilPastAsync(index, wait, token => service.AllocationsAsync(id, token), LongPoll.IndexOf, ct);
        http.Response.Headers[LongPoll.IndexHeader] = LongPoll.Format(LongPoll.IndexOf(allocations));
        return TypedResults.Ok(allocations.Select(AllocationResource.From).ToList());
    }

    /// <summary>Blocks like a read of the deployment (<c>?index=N&amp;wait=30s</c>); the index grows with every measurement and verdict.</summary>
    private static async Task<Ok<AnalysisResource>> AnalysisAsync(
        Guid id, HttpContext http, DeploymentAnalysis analysis, [FromQuery] long? index, [FromQuery] string? wait, CancellationToken ct)
    {
        QueryValues.CheckLongPoll(index, wait);
        var report = await LongPoll.UntilPastAsync(index, wait, token => analysis.ReadAsync(id, token), r => r.Index, ct);
        http.Response.Headers[LongPoll.IndexHeader] = LongPoll.Format(report.Index);
        return TypedResults.Ok(AnalysisResource.From(report));
    }

    private static async Task<Ok<List<EventResource>>> EventsAsync(Guid id, DeploymentService service, CancellationToken ct)
    {
        await service.GetRequiredAsync(id, ct);
        return TypedResults.Ok((await service.EventsAsync(id, ct)).Select(EventResource.Of).ToList());
    }

    /// <summary>Mengi-style: the revision becomes a new app on the target cluster; 202 with the new deployment to follow.</summary>
    private static async Task<AcceptedWork<PromoteToClusterResult>> PromoteToClusterAsync(Guid id, JsonBody<PromoteToClusterBody> body, HttpContext http, DeploymentPromotions promotions, CancellationToken ct)
    {
        var request = body.Required;
        DeploymentBodyRules.CheckPromoteToCluster(request);
        request.Overrides?.Check(request.NewName);
        var result = await promotions.PromoteToClusterAsync(new PromoteToClusterRequest(id, request.TargetClusterId.GetValueOrDefault(), Actor.Of(http.User),
            request.Overrides?.NameOr(request.NewName) ?? request.NewName, request.DeleteSource, request.Overrides?.ToOverrides()), ct);
        return AcceptedWork.At($"/api/deployments/{result.NewDeploymentId}", result);
    }

    private static string? Reason(JsonBody<ReasonBody> body)
    {
        DeploymentBodyRules.CheckReason(body.Value?.Reason);
        return body.Value?.Reason;
    }

    private static async Task<Ok<DeploymentResource>> Command(Func<Task<Deployment>> command) =>
        TypedResults.Ok(DeploymentResource.From(await command()));
}
