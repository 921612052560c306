using ArchUnitNET.Loader;
using Deployments.Api;
using Deployments.Service;

namespace Deployments.Architecture.Tests;

/// <summary>The assemblies whose shape the rules check, loaded once for all of them.</summary>
internal static class ControlPlaneArchitecture
{
    public static readonly System.Reflection.Assembly Domain = typeof(DeploymentService).Assembly;

    public static readonly System.Reflection.Assembly Api = typeof(ControlPlaneApi).Assembly;

    public static readonly System.Reflection.Assembly Server = System.Type.GetType("Deployments.Server.ControlPlaneSetup, Deployments.Server", throwOnError: true)!.Assembly;

    public static readonly System.Reflection.Assembly Functions = System.Type.GetType("Deployments.Functions.FunctionsAppServices, Deployments.Functions", throwOnError: true)!.Assembly;

    /// <summary>The domain alone, for rules over its namespaces that the hosts' namespaces (also Deployments.*) must not blur.</summary>
    public static readonly ArchUnitNET.Domain.Architecture DomainOnly = new ArchLoader().LoadAssemblies(Domain).Build();

    public static readonly ArchUnitNET.Domain.Architecture Loaded = new ArchLoader().LoadAssemblies(Domain, Api, Server, Functions).Build();
}
