using Deployments.Api.Apis;
using Deployments.Model;
using Deployments.Refusals;

namespace Deployments.Server.Tests;

/// <summary>Mengi's override fields become the same overrides as this API's own fields.</summary>
public sealed class ClusterOverridesBodyTests
{
    [Fact]
    public void MengiFields_MapOntoTheRevisionsArtifactEnvironmentResourcesAndGroups()
    {
        var body = new ClusterOverridesBody(
            Name: "ledger-eu", Replicas: 3, DockerImage: "registry.test/ledger:2", ContainerPort: 8080, CpuRequest: 0.5, MemoryRequestMb: 256, StorageSizeGb: 2,
            EnvironmentVariables: [new("VERSION", "v2", null), new("TOKEN", null, "vault:token")]);
        body.Check(newName: null);

        var overrides = body.ToOverrides();
        Assert.Equal("ledger-eu", body.NameOr(null));
        Assert.Equal(new Artifact("registry.test/ledger:2", null, []).Image, overrides.Artifact!.Image);
        Assert.Null(overrides.Artifact.Command);
        Assert.Equal(new EnvironmentValue("v2", null), overrides.Environment!["VERSION"]);
        Assert.Equal(new EnvironmentValue(null, "vault:token"), overrides.Environment["TOKEN"]);

        var source = new Resources(1, 512, 256, 0, null, ["data"]);
        Assert.Equal(new Resources(0.5, 256, 256, 2048, 8080, source.Volumes), overrides.Resources!.ApplyTo(source));
        Assert.Equal(new Dictionary<string, int> { ["web"] = 3, ["worker"] = 3 }, overrides.GroupsFor(new Dictionary<string, int> { ["web"] = 1, ["worker"] = 2 }));
    }

    [Fact]
    public void OwnFields_StillWork_AndResourcesLeftOutKeepTheSourcesValues()
    {
        var overrides = new ClusterOverridesBody(Resources: new ResourceOverrides(Port: 9000), Groups: new Dictionary<string, int> { ["web"] = 4 }).ToOverrides();
        var source = new Resources(1, 512, 256, 64, null, []);
        Assert.Equal(source with { Port = 9000 }, overrides.Resources!.ApplyTo(source));
        Assert.Equal(new Dictionary<string, int> { ["web"] = 4 }, overrides.GroupsFor(new Dictionary<string, int> { ["web"] = 1, ["worker"] = 2 }));
        Assert.Null(new ClusterOverridesBody(Config: new Dictionary<string, string> { ["A"] = "b" }).ToOverrides().Resources);
    }

    [Fact]
    public void MengiField_WithItsCounterpart_IsRefusedNamingBoth()
    {
        var refused = Assert.Throws<ValidationException>(() =>
            new ClusterOverridesBody(CpuRequest: 1, Resources: new ResourceOverrides(Cpu: 2), MemoryRequestMb: 1, StorageSizeGb: 1).Check(newName: null));
        var error = Assert.Single(refused.Errors);
        Assert.Equal("overrides.cpu_request", error.Field);
        Assert.Contains("overrides.resources.cpu", error.Message, StringComparison.Ordinal);
    }
}
