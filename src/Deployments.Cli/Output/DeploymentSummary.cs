using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Deployments.Cli.Output;

/// <summary>A deployment in one line: id, status and description, and where a canary stands.</summary>
internal static class DeploymentSummary
{
    public static IRenderable Render(JsonElement deployment) => new Text(Line(deployment) + Environment.NewLine);

    public static string Line(JsonElement deployment)
    {
        var steps = deployment.Int("total_steps") > 0 ? $" (step {deployment.Int("current_step")} of {deployment.Int("total_steps")})" : string.Empty;
        return $"Deployment {deployment.Str("id")}: {deployment.Str("status")} - {deployment.Str("status_description")}{steps}";
    }
}
