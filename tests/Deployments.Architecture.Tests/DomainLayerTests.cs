using System.Text.RegularExpressions;
using ArchUnitNET.Fluent.Slices;
using ArchUnitNET.xUnitV3;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace Deployments.Architecture.Tests;

/// <summary>
/// The domain's namespaces form layers that point one way (docs/architecture.md): each may use those below it and
/// none above, so that what decides (rules), what remembers (storage) and what acts (services, orchestrations)
/// can each be read and changed without the ones above.
/// </summary>
public sealed class DomainLayerTests
{
    /// <summary>Lowest first. The root namespace (Deployments) wires them all together and sits above every layer.</summary>
    public static readonly string[] Layers =
    [
        "Deployments.Refusals",
        "Deployments.Model",
        "Deployments.Rules",
        "Deployments.Telemetry",
        "Deployments.Storage",
        "Deployments.Service",
        "Deployments.Notifications",
        "Deployments.Orchestrations",
    ];

    public static TheoryData<string> LayerNames() => [.. Layers];

    [Theory]
    [MemberData(nameof(LayerNames))]
    public void A_layer_uses_no_layer_above_it(string layer)
    {
        // Above a layer: every later one, and the root namespace that wires the domain together.
        var above = Layers.SkipWhile(name => name != layer).Skip(1).Select(Regex.Escape).Append(@"Deployments$").ToArray();
        Types().That().ResideInAssembly(ControlPlaneArchitecture.Domain).And().ResideInNamespaceMatching($@"^{Regex.Escape(layer)}(\..+)?$")
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching($@"^({string.Join('|', above)})(\..+)?$"))
            .Because("a layer sees only the layers below it")
            .Check(ControlPlaneArchitecture.Loaded);
    }

    [Fact]
    public void Every_namespace_of_the_domain_is_a_layer()
    {
        var namespaces = ControlPlaneArchitecture.Domain.GetTypes()
            .Select(type => type.Namespace)
            .Where(name => name is not null && name != "Deployments" && !name.StartsWith("Microsoft", StringComparison.Ordinal) && !name.StartsWith("System", StringComparison.Ordinal))
            .Select(name => string.Join('.', name!.Split('.').Take(2)))
            .Distinct();

        Assert.All(namespaces, name => Assert.Contains(name, Layers));
    }

    [Fact]
    public void The_domain_namespaces_have_no_cycles()
    {
        SliceRuleDefinition.Slices().Matching("Deployments.(*)..").Should().BeFreeOfCycles()
            .Check(ControlPlaneArchitecture.DomainOnly);
    }
}
