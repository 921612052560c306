using TestSupport;

namespace Deployments.Functions.Contract.Tests.Infrastructure;

/// <summary>The app's build output: what a Functions deployment ships (host.json, function.json folders, the handler).</summary>
internal static class AppOutput
{
    public static string Directory => Path.GetDirectoryName(BuildOutputs.Find(Path.Combine("src", "Deployments.Functions"), "Deployments.Functions.dll", typeof(AppOutput).Assembly))!;

    public static string Dll => Path.Combine(Directory, "Deployments.Functions.dll");

    public static string SampleService => BuildOutputs.Find(Path.Combine("src", "SampleService"), "SampleService.dll", typeof(AppOutput).Assembly);
}
