using TestSupport;

namespace Deployments.Functions.Contract.Tests.Infrastructure;

/// <summary>The build outputs the tests run or inspect: the self-host, the Functions app's script root, the sample service.</summary>
internal static class AppOutput
{
    public static string Directory => Path.GetDirectoryName(Dll)!;

    public static string Dll => BuildOutputs.Find(Path.Combine("src", "Deployments.Server"), "Deployments.Server.dll", typeof(AppOutput).Assembly);

    /// <summary>What a Functions deployment ships: host.json, functions.metadata, worker.config.json, the worker and its extensions.</summary>
    public static string FunctionsScriptRoot => Path.GetDirectoryName(BuildOutputs.Find(Path.Combine("src", "Deployments.Functions"), "Deployments.Functions.dll", typeof(AppOutput).Assembly))!;

    public static string SampleService => BuildOutputs.Find(Path.Combine("src", "SampleService"), "SampleService.dll", typeof(AppOutput).Assembly);
}
