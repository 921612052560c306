using Deployments.Api.Apis;
using Deployments.Api.Http.Idempotency;
using Deployments.Platform;

namespace Deployments.Api.Http;

/// <summary>The resource API's services and route groups, registered from <see cref="ControlPlaneApi"/>.</summary>
internal static class ApiSetup
{
    public const string JsonContentType = "application/json";

    public static IServiceCollection AddApiServices(this IServiceCollection services, string tablePrefix)
    {
        services.AddRequestLimits();
        // Binding failures (a malformed uuid in the path, a word for a number) become exceptions that
        // ApiExceptionHandler turns into a 400 naming the parameter, instead of a bare status code.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddSingleton<StrictJson>();
        services.AddSingleton<JsonBodyReader>();
        services.AddSingleton(provider => new IdempotencyStore(provider.GetRequiredService<StorageConnection>(), provider.GetRequiredService<StorageTransactionCounter>(),
            tablePrefix, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton(provider => new ControlPlaneTables(provider.GetRequiredService<StorageConnection>(), provider.GetRequiredService<StorageTransactionCounter>(), tablePrefix));
        return services;
    }

    /// <summary>Clusters, environments, apps, pipelines and notification subscriptions.</summary>
    public static RouteGroupBuilder MapCatalogApis(this RouteGroupBuilder api) => api
        .MapClustersApi()
        .MapEnvironmentsApi()
        .MapAppsApi()
        .MapPipelinesApi()
        .MapSubscriptionsApi()
        .MapAnalysisTemplatesApi();

    /// <summary>Every POST of the group honours <c>Idempotency-Key</c>.</summary>
    public static RouteGroupBuilder WithIdempotentPosts(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter<IdempotencyFilter>();
        return group.WithMetadata(IdempotentPosts.Instance);
    }
}
