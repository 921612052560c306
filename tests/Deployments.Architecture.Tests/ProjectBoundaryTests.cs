using static ArchUnitNET.Fluent.ArchRuleDefinition;
using ArchUnitNET.xUnitV3;

namespace Deployments.Architecture.Tests;

/// <summary>Which project may know which: the domain knows no host and no engine, and the hosts go through its services.</summary>
public sealed class ProjectBoundaryTests
{
    [Theory]
    [InlineData("Deployments.Engine")]
    [InlineData("DurableTask.AzureStorage")]
    [InlineData("Deployments.Api")]
    [InlineData("Deployments.Server")]
    [InlineData("Deployments.Functions")]
    [InlineData("Microsoft.Azure.Functions.Worker")]
    [InlineData("Microsoft.AspNetCore.Http.Abstractions")]
    public void The_domain_references_no_host_and_no_engine(string assembly)
    {
        var referenced = ControlPlaneArchitecture.Domain.GetReferencedAssemblies().Select(name => name.Name);

        Assert.DoesNotContain(assembly, referenced);
    }

    [Fact]
    public void The_hosts_reach_the_domain_through_its_services_not_its_stores()
    {
        Types().That().ResideInAssembly(ControlPlaneArchitecture.Api, ControlPlaneArchitecture.Server, ControlPlaneArchitecture.Functions)
            .Should().NotDependOnAny(Types().That().ResideInNamespace("Deployments.Storage").And().HaveNameEndingWith("Store"))
            .Because("a store trusts its caller to have checked the request; the services do")
            .Check(ControlPlaneArchitecture.Loaded);
    }
}
