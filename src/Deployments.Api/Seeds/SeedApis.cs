using Deployments.Api.Auth;
using Deployments.Api.Http;
using Deployments.Api.Seeds.Baseten;
using Deployments.Api.Seeds.CloudFoundry;
using Deployments.Api.Seeds.Mengi;
using Deployments.Api.Seeds.Nomad;
using Deployments.Api.Seeds.Sevalla;
using Deployments.Api.Telemetry;
using Deployments.Service;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Deployments.Api.Seeds;

/// <summary>
/// The seed documents' operations at their own paths, casing, key header and error format: one thin adapter
/// per seed (a folder each) over the same services the API's own handlers call.
/// </summary>
internal static class SeedApis
{
    /// <summary>The seeds' documents and error writer; before <c>AddProblemDetails</c>, so the seed writer is asked first.</summary>
    public static IServiceCollection AddSeedApis(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProblemDetailsWriter, SeedProblemWriter>());
        services.AddNomadDocument();
        services.AddCloudFoundryDocument();
        services.AddBasetenDocument();
        services.AddSevallaDocument();
        services.AddMengiDocument();
        return services;
    }

    /// <summary>Every seed's routes.</summary>
    public static IEndpointRouteBuilder MapSeedApis(this IEndpointRouteBuilder app) => app
        .MapNomadApi()
        .MapCloudFoundryApi()
        .MapBasetenApi()
        .MapSevallaApi()
        .MapMengiApi();

    /// <summary>
    /// A seed's routes under <paramref name="prefix"/>: in its own OpenAPI document, answering errors in its own
    /// format (RFC 9457 problem details where the seed documents none), each POST honouring <c>Idempotency-Key</c>
    /// like the API's own. <paramref name="anyContentType"/> reads bodies as JSON whatever their content type, for
    /// seeds whose samples send JSON without one (<see cref="BodyIsJsonWhateverItsType"/>).
    /// </summary>
    public static RouteGroupBuilder MapSeedGroup(this IEndpointRouteBuilder app, string prefix, string document, SeedErrorFormat? errors, bool anyContentType = false)
    {
        var group = app.MapGroup(prefix).WithGroupName(document).WithTags(document).WithIdempotentPosts();
        if (errors is not null)
        {
            group.WithMetadata(errors);
        }

        return anyContentType ? group.WithMetadata(BodyIsJsonWhateverItsType.Instance) : group;
    }

    /// <summary>
    /// Routes whose <paramref name="routeValue"/> is a deployment id, as the seed's document names it: a namespaced
    /// token is refused another namespace's deployment before its body is read, and the request logs in the deployment's scope.
    /// </summary>
    public static RouteGroupBuilder NamesDeployment(this RouteGroupBuilder group, string routeValue) => group
        .AuthorizedById<DeploymentService>((service, id, ct) => service.GetAsync(id, ct), routeValue)
        .NamesDeploymentIn(routeValue);
}
