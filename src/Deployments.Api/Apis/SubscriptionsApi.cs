using Deployments.Api.Http;
using Deployments.Service;
using Microsoft.AspNetCore.Mvc;

namespace Deployments.Api.Apis;

/// <summary>/api/subscriptions: URLs that receive a namespace's deployment status changes as signed CloudEvents.</summary>
internal static class SubscriptionsApi
{
    public static RouteGroupBuilder MapSubscriptionsApi(this RouteGroupBuilder api)
    {
        var subscriptions = api.MapGroup("/subscriptions").WithTags("Subscriptions").WithIdempotentPosts();
        subscriptions.MapPost("/", CreateAsync).Accepts<CreateSubscriptionBody>(ApiSetup.JsonContentType);
        subscriptions.MapGet("/", ([FromQuery(Name = "namespace")] string? @namespace, CatalogService catalog, CancellationToken ct) =>
            ProblemResults.Guard(async () => TypedResults.Ok(new SubscriptionList(
                [.. (await catalog.ListSubscriptionsAsync(QueryValues.Namespace(@namespace), ct)).Select(SubscriptionView.Of)]))));
        subscriptions.MapGet("/{id}", (Guid id, [FromQuery(Name = "namespace")] string? @namespace, CatalogService catalog, CancellationToken ct) =>
            ProblemResults.Guard(async () => TypedResults.Ok(SubscriptionView.Of(await catalog.GetSubscriptionAsync(QueryValues.Namespace(@namespace), id, ct)))));
        subscriptions.MapPatch("/{id}", UpdateAsync).Accepts<UpdateSubscriptionBody>(ApiSetup.JsonContentType);
        subscriptions.MapDelete("/{id}", (Guid id, [FromQuery(Name = "namespace")] string? @namespace, CatalogService catalog, CancellationToken ct) =>
            ProblemResults.Guard(async () =>
            {
                await catalog.DeleteSubscriptionAsync(QueryValues.Namespace(@namespace), id, ct);
                return TypedResults.NoContent();
            }));
        return api;
    }

    private static Task<IResult> CreateAsync(JsonBody<CreateSubscriptionBody> body, CatalogService catalog, CancellationToken ct) =>
        ProblemResults.Guard(async () =>
        {
            var request = body.Required;
            var subscription = await catalog.CreateSubscriptionAsync(request.Namespace, request.Url, request.Secret, ct);
            return TypedResults.Created($"/api/subscriptions/{subscription.Id}?namespace={subscription.Namespace}", SubscriptionView.Of(subscription));
        });

    private static Task<IResult> UpdateAsync(Guid id, [FromQuery(Name = "namespace")] string? @namespace, JsonBody<UpdateSubscriptionBody> body, CatalogService catalog, CancellationToken ct) =>
        ProblemResults.Guard(async () =>
        {
            var request = body.Required;
            var updated = await catalog.UpdateSubscriptionAsync(QueryValues.Namespace(@namespace), id, request.Url, request.Secret, ct);
            return TypedResults.Ok(SubscriptionView.Of(updated));
        });
}
