namespace Deployments.Api.Seeds.CloudFoundry;

/// <summary>
/// Stable guids for what Cloud Foundry names and this product numbers: a revision, its droplet (the built
/// artifact of a revision here) and a deployment's process per group, each named by a fixed namespace and the ids
/// (<see cref="NameBasedGuid"/>).
/// </summary>
internal static class CloudFoundryGuids
{
    private const string Namespace = "deployments.cloudfoundry/";

    public static Guid Revision(Guid appId, int number) => Named($"revision/{appId:N}/{number}");

    public static Guid Droplet(Guid appId, int number) => Named($"droplet/{appId:N}/{number}");

    public static Guid Process(Guid deploymentId, string group) => Named($"process/{deploymentId:N}/{group}");

    private static Guid Named(string name) => NameBasedGuid.From(Namespace + name);
}
