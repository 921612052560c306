using System.Diagnostics;
using Deployments.Api.Apis;
using Deployments.Api.Auth;
using Deployments.Api.Http;
using Deployments.Model;
using Deployments.Refusals;
using Deployments.Service;
using Deployments.Telemetry;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Deployments.Api.Seeds.CloudFoundry;

/// <summary>
/// Cloud Foundry v3 deployments at their own paths (<c>/v3/deployments…</c>) with a bearer key, in Cloud
/// Foundry's wire format and error body, over the same <see cref="DeploymentService"/> the API's own handlers call.
/// </summary>
internal static class CloudFoundryApi
{
    public const string Document = "cloudfoundry";

    public static IServiceCollection AddCloudFoundryDocument(this IServiceCollection services) => services.AddSeedDocument(Document, "Cloud Foundry v3 deployments",
        "Cloud Foundry's v3 deployments at their own paths: create (rolling or canary), read, list with Cloud Foundry's pagination, update metadata, cancel and continue.",
        "bearer", SeedDocument.BearerKey());

    public static IEndpointRouteBuilder MapCloudFoundryApi(this IEndpointRouteBuilder app)
    {
        var deployments = app.MapSeedGroup("/v3/deployments", Document, CloudFoundryErrorFormat.Instance)
            .NamesDeployment("guid");
        deployments.MapPost("/", CreateAsync).TakesJsonBody<CloudFoundryCreateBody>()
            .RequireCapability(Capability.Submit).WithName("CloudFoundryCreateDeployment").WithSummary("Create a deployment");
        deployments.MapGet("/", ListAsync).RequireCapability(Capability.Read).WithName("CloudFoundryListDeployments").WithSummary("List deployments");
        deployments.MapGet("/{guid}", GetAsync).RequireCapability(Capability.Read).WithName("CloudFoundryGetDeployment").WithSummary("Get a deployment");
        deployments.MapPatch("/{guid}", UpdateAsync).TakesJsonBody<UpdateDeploymentBody>()
            .RequireCapability(Capability.Submit).WithName("CloudFoundryUpdateDeployment").WithSummary("Update a deployment");
        deployments.MapPost("/{guid}/actions/cancel", (string guid, JsonBody<EmptyBody> body, HttpContext http, DeploymentService service, AppCatalog catalog, CancellationToken ct) =>
            Command(http, catalog, () => service.CancelAsync(Id(guid), Actor.Of(http.User), null, ct), ct))
            .RequireCapability(Capability.Submit).WithName("CloudFoundryCancelDeployment").WithSummary("Cancel a deployment");
        deployments.MapPost("/{guid}/actions/continue", (string guid, JsonBody<EmptyBody> body, HttpContext http, DeploymentService service, AppCatalog catalog, CancellationToken ct) =>
            Command(http, catalog, () => service.ContinueAsync(Id(guid), Actor.Of(http.User), ct), ct))
            .RequireCapability(Capability.Submit).WithName("CloudFoundryContinueDeployment").WithSummary("Continue a deployment");
        return app;
    }

    private static async Task<Created<CloudFoundryDeployment>> CreateAsync(JsonBody<CloudFoundryCreateBody> body, HttpContext http, DeploymentService service, AppCatalog catalog, CancellationToken ct)
    {
        var request = await CloudFoundryCreate.ToRequestAsync(body.Required, Actor.Of(http.User), catalog, ct);
        Deployment deployment;
        try
        {
            deployment = await service.CreateAsync(request, ct);
        }
        catch (ValidationException refused)
        {
            throw CloudFoundryCreate.InCloudFoundryWords(refused);
        }

        // Its id was not in the route, so the request's span learns it here (commands get it from the route).
        Activity.Current?.SetTag(TelemetryTags.DeploymentId, deployment.Id.ToString());
        var resource = await new CloudFoundryView(http, catalog).ShowAsync(deployment, ct);
        return TypedResults.Created(resource.Links.Self.Href, resource);
    }

    private static async Task<Ok<CloudFoundryDeployment>> GetAsync(string guid, HttpContext http, DeploymentService service, AppCatalog catalog, CancellationToken ct) =>
        TypedResults.Ok(await new CloudFoundryView(http, catalog).ShowAsync(await service.GetRequiredAsync(Id(guid), ct), ct));

    private static async Task<Ok<CloudFoundryPage>> ListAsync(HttpContext http, DeploymentService service, AppCatalog catalog, CancellationToken ct) =>
        TypedResults.Ok(await CloudFoundryListing.PageAsync(http, CloudFoundryListQuery.Parse(http.Request.Query), service, catalog, ct));

    /// <summary>Labels and annotations only, as in Cloud Foundry: a key set to null is removed, keys left out stay.</summary>
    private static async Task<Ok<CloudFoundryDeployment>> UpdateAsync(string guid, JsonBody<UpdateDeploymentBody> body, HttpContext http, DeploymentService service, AppCatalog catalog, CancellationToken ct)
    {
        var id = Id(guid);
        var request = body.Required;
        RequiredFields.Check(("metadata", request.Metadata is not null));
        var deployment = await service.UpdateMetadataAsync(id, request.Metadata!.ToPatch(), Actor.Of(http.User), ct);
        return TypedResults.Ok(await new CloudFoundryView(http, catalog).ShowAsync(deployment, ct));
    }

    private static async Task<Ok<CloudFoundryDeployment>> Command(HttpContext http, AppCatalog catalog, Func<Task<Deployment>> command, CancellationToken ct) =>
        TypedResults.Ok(await new CloudFoundryView(http, catalog).ShowAsync(await command(), ct));

    /// <summary>Cloud Foundry answers a guid that names nothing, well-formed or not, with 404 "Deployment not found".</summary>
    private static Guid Id(string guid) => Guid.TryParse(guid, out var id) ? id : throw new NotFoundException("deployment", guid);
}
