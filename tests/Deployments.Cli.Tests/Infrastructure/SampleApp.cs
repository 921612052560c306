using TestSupport;

namespace Deployments.Cli.Tests.Infrastructure;

/// <summary>A sample app of three instances on a local cluster, with its v1 live, made through the API as the quick start makes it.</summary>
public static class SampleApp
{
    public static async Task<Guid> RunningAsync(ControlPlaneServer server, string name)
    {
        var cluster = await server.CreateLocalClusterAsync(name + "-cluster");
        var app = await server.CreateSampleAppAsync(cluster, name, instances: 3);
        await server.DeploySuccessfullyAsync(app);
        return app;
    }

    /// <summary>deploy arguments for v2 of the sample on quick options (all three placed at once, healthy as soon as they answer).</summary>
    public static string[] DeployV2(string app, params string[] more) =>
        ["deploy", app, "--command", "dotnet", "--arg", BuildOutputs.SampleService, "--env", "VERSION=v2", "--env", "FAIL_HEALTH=false",
         "--max-in-flight", "3", "--min-healthy-time", "0s", "--healthy-deadline", "20s", "--progress-deadline", "60s", .. more];
}
