using System.Text.Json.Serialization;
using Deployments.Model;

namespace Deployments.Api.Apis;

/// <summary>
/// A deployment as the API answers with it: the shared <see cref="DeploymentView"/>, which notifications carry
/// too, plus where to go next, which only makes sense over HTTP.
/// </summary>
internal sealed record DeploymentResource : DeploymentView
{
    private DeploymentResource(DeploymentView view, DeploymentLinks links)
        : base(view) => Links = links;

    /// <summary>Last, after the shared fields, where it has always been in the answer.</summary>
    [JsonPropertyOrder(1)]
    public DeploymentLinks Links { get; }

    public static DeploymentResource From(Deployment deployment) => new(Of(deployment), DeploymentLinks.For(deployment));
}
