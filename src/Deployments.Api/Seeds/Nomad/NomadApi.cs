using Deployments.Api.Apis;
using Deployments.Api.Auth;
using Deployments.Api.Http;
using Deployments.Model;
using Deployments.Refusals;
using Deployments.Rules;
using Deployments.Service;
using Deployments.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;

namespace Deployments.Api.Seeds.Nomad;

/// <summary>
/// Nomad's Deployments HTTP API at its own paths: list (id prefix, namespace, blocking), read, the allocations,
/// and the fail, pause, promote and allocation-health commands, with Nomad's PascalCase bodies, its
/// <c>X-Nomad-*</c> headers, the key in <c>X-Nomad-Token</c> and plain-text errors.
/// </summary>
internal static class NomadApi
{
    public const string Document = "nomad";
    public const string TokenHeader = "X-Nomad-Token";
    public const string IndexHeader = "X-Nomad-Index";
    public const string NextTokenHeader = "X-Nomad-NextToken";
    private const string DeploymentIdRoute = "deployment_id";
    private const string EveryNamespace = "*";

    public static IServiceCollection AddNomadDocument(this IServiceCollection services) => services
        .AddSingleton<NomadDeployments>()
        .AddSeedDocument(Document, "Nomad deployments",
            "Nomad's Deployments HTTP API at its own paths and in its own shapes, over this control plane's deployments: a job is an app, a job version a revision.",
            TokenHeader, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = TokenHeader,
                Description = "The admin key or a scoped token (cpt_…), as Nomad's ACL token.",
            });

    public static IEndpointRouteBuilder MapNomadApi(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapSeedGroup("/v1", Document, NomadErrorFormat.Instance, anyContentType: true)
            .NamesDeployment(DeploymentIdRoute);
        v1.MapGet("/deployments", ListAsync).RequireCapability(Capability.Read).WithName("NomadListDeployments").WithSummary("List Deployments");
        v1.MapGet("/deployment/{deployment_id}", ReadAsync).RequireCapability(Capability.Read).WithName("NomadReadDeployment").WithSummary("Read Deployment");
        v1.MapGet("/deployment/allocations/{deployment_id}", AllocationsAsync).RequireCapability(Capability.Read)
            .WithName("NomadListDeploymentAllocations").WithSummary("List Allocations for Deployment");
        MapCommand(v1, "/deployment/fail/{deployment_id}", FailAsync, "NomadFailDeployment", "Fail Deployment").TakesJsonBody<NomadFailBody>(required: false);
        MapCommand(v1, "/deployment/pause/{deployment_id}", PauseAsync, "NomadPauseDeployment", "Pause Deployment").TakesJsonBody<NomadPauseBody>();
        MapCommand(v1, "/deployment/promote/{deployment_id}", PromoteAsync, "NomadPromoteDeployment", "Promote Deployment").TakesJsonBody<NomadPromoteBody>();
        MapCommand(v1, "/deployment/allocation-health/{deployment_id}", AllocationHealthAsync, "NomadSetAllocationHealth", "Set Allocation Health in Deployment")
            .TakesJsonBody<NomadAllocationHealthBody>();
        return app;
    }

    /// <summary>
    /// A command as the document gives it, POST; and as PUT, which Nomad's Go client sends its writes with and
    /// Nomad's server takes alike. The PUT is the same operation, so the document lists it once.
    /// </summary>
    /// <returns>The documented POST.</returns>
    private static RouteHandlerBuilder MapCommand(RouteGroupBuilder group, string pattern, Delegate handler, string name, string summary)
    {
        group.MapPut(pattern, handler).RequireCapability(Capability.Submit).WithName(name + "Put").ExcludeFromDescription();
        return group.MapPost(pattern, handler).RequireCapability(Capability.Submit).WithName(name).WithSummary(summary);
    }

    /// <summary>
    /// Every deployment of the namespace (<c>*</c>: of every namespace the key may see) whose id starts with the
    /// prefix; blocks like a read, the index being the highest modify index listed. A page holds at most
    /// <c>per_page</c> deployments (500 when not given), the next page's token in <c>X-Nomad-NextToken</c>.
    /// </summary>
    private static async Task<Ok<List<NomadDeployment>>> ListAsync(
        HttpContext http, DeploymentService service, NomadDeployments nomad, [FromQuery] string? prefix, [FromQuery(Name = "namespace")] string? @namespace,
        [FromQuery] long? index, [FromQuery] string? wait, [FromQuery(Name = "per_page")] int? perPage, [FromQuery(Name = "next_token")] string? nextToken, CancellationToken ct)
    {
        var every = @namespace == EveryNamespace;
        var query = new DeploymentQuery
        {
            Namespace = every ? Names.DefaultNamespace : QueryValues.Namespace(@namespace),
            EveryNamespace = every,
            IdPrefix = DeploymentListRules.Prefix(prefix),
            PageSize = perPage switch
            {
                null => DeploymentListRules.MaxPageSize,
                >= 1 and <= DeploymentListRules.MaxPageSize => perPage.Value,
                _ => throw new ValidationException([new ValidationError("per_page", $"must be between 1 and {DeploymentListRules.MaxPageSize}")]),
            },
            ContinuationToken = PageTokens.Decode(nextToken),
        };
        QueryValues.CheckLongPoll(index, wait);
        var (found, token) = await LongPoll.UntilPastAsync(index, wait, t => service.ListAsync(query, t), page => LongPoll.IndexOf(page.Deployments), ct);
        ReadMeta(http, LongPoll.IndexOf(found));
        if (PageTokens.Encode(token) is { } next)
        {
            http.Response.Headers[NextTokenHeader] = next;
        }

        return TypedResults.Ok(await nomad.ShapeAsync(found, ct));
    }

    /// <summary>The deployment; a blocking query with <c>?index=N&amp;wait=30s</c> answers once its modify index passes N.</summary>
    private static async Task<Ok<NomadDeployment>> ReadAsync(
        [FromRoute(Name = DeploymentIdRoute)] Guid deploymentId, HttpContext http, DeploymentService service, NomadDeployments nomad,
        [FromQuery] long? index, [FromQuery] string? wait, CancellationToken ct)
    {
        QueryValues.CheckLongPoll(index, wait);
        var deployment = await LongPoll.UntilPastAsync(index, wait, async t => await service.GetRequiredAsync(deploymentId, t), d => d.ModifyIndex, ct);
        ReadMeta(http, deployment.ModifyIndex);
        return TypedResults.Ok(await nomad.ShapeAsync(deployment, ct));
    }

    /// <summary>
    /// The allocations the deployment placed; blocks like the API's own listing of them, the index being the
    /// highest modify index among them, which every write of one raises.
    /// </summary>
    private static async Task<Ok<List<NomadAllocation>>> AllocationsAsync(
        [FromRoute(Name = DeploymentIdRoute)] Guid deploymentId, HttpContext http, DeploymentService service, NomadDeployments nomad,
        [FromQuery] long? index, [FromQuery] string? wait, CancellationToken ct)
    {
        QueryValues.CheckLongPoll(index, wait);
        var allocations = await LongPoll.UntilPastAsync(index, wait, t => service.AllocationsAsync(deploymentId, t), LongPoll.IndexOf, ct);
        var deployment = await service.GetRequiredAsync(deploymentId, ct);
        ReadMeta(http, LongPoll.IndexOf(allocations));
        return TypedResults.Ok(await nomad.AllocationsAsync(deployment, allocations, ct));
    }

    private static async Task<Ok<NomadDeploymentUpdate>> FailAsync(
        [FromRoute(Name = DeploymentIdRoute)] Guid deploymentId, JsonBody<NomadFailBody> body, HttpContext http, DeploymentService service, NomadDeployments nomad, CancellationToken ct)
    {
        CheckNames(deploymentId, body.Value, required: false);
        var failed = await service.FailAsync(deploymentId, Actor.Of(http.User), null, ct);
        return Updated(http, failed, await nomad.RevertsToAsync(failed, ct));
    }

    private static async Task<Ok<NomadDeploymentUpdate>> PauseAsync(
        [FromRoute(Name = DeploymentIdRoute)] Guid deploymentId, JsonBody<NomadPauseBody> body, HttpContext http, DeploymentService service, CancellationToken ct)
    {
        var request = body.Required;
        CheckNames(deploymentId, request, required: true);
        return Updated(http, await service.PauseAsync(deploymentId, request.Pause, Actor.Of(http.User), ct), null);
    }

    /// <summary>Nomad's rule: <c>All</c> promotes every group (whatever <c>Groups</c> says), else the <c>Groups</c> named; neither is a 400.</summary>
    private static async Task<Ok<NomadDeploymentUpdate>> PromoteAsync(
        [FromRoute(Name = DeploymentIdRoute)] Guid deploymentId, JsonBody<NomadPromoteBody> body, HttpContext http, DeploymentService service, CancellationToken ct)
    {
        var request = body.Required;
        CheckNames(deploymentId, request, required: true);
        if (!request.All && request.Groups is not { Count: > 0 })
        {
            throw new ValidationException([new ValidationError("Groups", "name the Groups to promote, or set All to true")]);
        }

        return Updated(http, await service.PromoteAsync(deploymentId, request.All ? null : request.Groups, Actor.Of(http.User), ct), null);
    }

    private static async Task<Ok<NomadDeploymentUpdate>> AllocationHealthAsync(
        [FromRoute(Name = DeploymentIdRoute)] Guid deploymentId, JsonBody<NomadAllocationHealthBody> body, HttpContext http, DeploymentService service, NomadDeployments nomad,
        CancellationToken ct)
    {
        var request = body.Required;
        CheckNames(deploymentId, request, required: true);
        var unhealthy = request.UnhealthyAllocationIds ?? [];
        var updated = await service.SetAllocationHealthAsync(deploymentId, request.HealthyAllocationIds ?? [], unhealthy, Actor.Of(http.User), ct);
        // An unhealthy allocation fails the deployment, which then reverts as a failure does.
        return Updated(http, updated, unhealthy.Count > 0 ? await nomad.RevertsToAsync(updated, ct) : null);
    }

    /// <summary>Nomad's checks of the body's <c>DeploymentID</c>: set (where the body is required) and the path's.</summary>
    private static void CheckNames(Guid deploymentId, INomadWriteRequest? request, bool required)
    {
        if (request?.DeploymentId is not { Length: > 0 } named)
        {
            if (required)
            {
                throw new ValidationException([new ValidationError("DeploymentID", "DeploymentID must be set")]);
            }

            return;
        }

        if (!Guid.TryParse(named, out var id) || id != deploymentId)
        {
            throw new ValidationException([new ValidationError("DeploymentID", "Deployment ID does not match")]);
        }
    }

    private static Ok<NomadDeploymentUpdate> Updated(HttpContext http, Deployment deployment, int? revertedTo)
    {
        http.Response.Headers[IndexHeader] = LongPoll.Format(deployment.ModifyIndex);
        var index = deployment.ModifyIndex;
        return TypedResults.Ok(new NomadDeploymentUpdate(NomadEvaluation.For(deployment.Id, index), index, index, revertedTo, index));
    }

    /// <summary>The query meta Nomad's Go client parses from every read: a missing one fails the call.</summary>
    private static void ReadMeta(HttpContext http, long index)
    {
        http.Response.Headers[IndexHeader] = LongPoll.Format(index);
        http.Response.Headers["X-Nomad-KnownLeader"] = "true";
        http.Response.Headers["X-Nomad-LastContact"] = "0";
    }
}
