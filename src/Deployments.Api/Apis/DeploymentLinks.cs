using Deployments.Model;

namespace Deployments.Api.Apis;

/// <summary>
/// Where to follow a deployment: itself, a blocking read that answers at its next change, its timeline and
/// allocations, and the commands (each a POST).
/// </summary>
internal sealed record DeploymentLinks(string Self, string Next, string Events, string Allocations, IReadOnlyDictionary<string, string> Commands)
{
    private static readonly string[] CommandNames = ["promote", "continue", "pause", "fail", "cancel", "allocation-health", "approve", "reject", "promote-to-cluster"];

    public static DeploymentLinks For(Deployment deployment)
    {
        var self = $"/api/deployments/{deployment.Id}";
        return new DeploymentLinks(self, $"{self}?index={deployment.ModifyIndex}&wait=30s", $"{self}/events", $"{self}/allocations",
            CommandNames.ToDictionary(name => name, name => $"{self}/{name}"));
    }
}
