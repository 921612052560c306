using System.Text.Json.Serialization;
using Deployments.Model;

namespace Deployments.Api.Apis;

/// <summary>
/// A deployment as the API shows it: its public state, the same shape notifications carry, and where to go
/// next. The stored record's bookkeeping (ids of applied updates, the engine's instance id, pause accounting)
/// stays inside.
/// </summary>
/// <remarks>
/// It extends the domain's <see cref="DeploymentView"/> rather than restating its fields, so GET and a
/// notification cannot drift apart; links are the one thing only HTTP has.
/// </remarks>
internal sealed record DeploymentResource : DeploymentView
{
    private DeploymentResource(DeploymentView view, DeploymentLinks links)
        : base(view) => Links = links;

    /// <summary>Where to follow the deployment, and its commands.</summary>
    // Last, after the shared fields, where it has always been in the answer.
    [JsonPropertyOrder(1)]
    public DeploymentLinks Links { get; }

    public static DeploymentResource From(Deployment deployment) => new(Of(deployment), DeploymentLinks.For(deployment));
}
