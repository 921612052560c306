using Deployments.Api.Http;
using Deployments.Service;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Deployments.Api.Apis;

/// <summary>/api/subscriptions: URLs that receive a namespace's deployment status changes as signed CloudEvents.</summary>
internal static class SubscriptionsApi
{
    public static RouteGroupBuilder MapSubscriptionsApi(this RouteGroupBuilder api)
    {
        var subscriptions = api.MapGroup("/subscriptions").WithTags("Subscriptions").WithIdempotentPosts();
        subscriptions.MapPost("/", CreateAsync).Accepts<CreateSubscriptionBody>(ApiSetup.JsonContentType).WithName("CreateSubscription");
        subscriptions.MapGet("/", async ([FromQuery(Name = "namespace")] string? @namespace, SubscriptionCatalog catalog, CancellationToken ct) =>
            TypedResults.Ok(new SubscriptionList([.. (await catalog.ListSubscriptionsAsync(QueryValues.Namespace(@namespace), ct)).Select(SubscriptionResource.From)])))
            .WithName("ListSubscriptions");
        subscriptions.MapGet("/{id}", async (Guid id, [FromQuery(Name = "namespace")] string? @namespace, SubscriptionCatalog catalog, CancellationToken ct) =>
            TypedResults.Ok(SubscriptionResource.From(await catalog.GetSubscriptionAsync(QueryValues.Namespace(@namespace), id, ct))))
            .WithName("GetSubscription");
        subscriptions.MapPatch("/{id}", UpdateAsync).Accepts<UpdateSubscriptionBody>(ApiSetup.JsonContentType).WithName("UpdateSubscription");
        subscriptions.MapDelete("/{id}", async (Guid id, [FromQuery(Name = "namespace")] string? @namespace, SubscriptionCatalog catalog, CancellationToken ct) =>
        {
            await catalog.DeleteSubscriptionAsync(QueryValues.Namespace(@namespace), id, ct);
            return TypedResults.NoContent();
        })
            .WithName("DeleteSubscription");
        return api;
    }

    private static async Task<Created<SubscriptionResource>> CreateAsync([FromQuery(Name = "namespace")] string? @namespace, JsonBody<CreateSubscriptionBody> body, SubscriptionCatalog catalog, CancellationToken ct)
    {
        var request = body.Required;
        var subscription = await catalog.CreateSubscriptionAsync(QueryValues.CreateIn(@namespace, request.Namespace), request.Url, request.Secret, ct);
        return TypedResults.Created($"/api/subscriptions/{subscription.Id}?namespace={subscription.Namespace}", SubscriptionResource.From(subscription));
    }

    private static async Task<Ok<SubscriptionResource>> UpdateAsync(Guid id, [FromQuery(Name = "namespace")] string? @namespace, JsonBody<UpdateSubscriptionBody> body, SubscriptionCatalog catalog, CancellationToken ct)
    {
        var request = body.Required;
        var updated = await catalog.UpdateSubscriptionAsync(QueryValues.Namespace(@namespace), id, request.Url, request.Secret, ct);
        return TypedResults.Ok(SubscriptionResource.From(updated));
    }
}
