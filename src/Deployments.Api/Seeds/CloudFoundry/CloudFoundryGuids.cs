using System.Security.Cryptography;
using System.Text;

namespace Deployments.Api.Seeds.CloudFoundry;

/// <summary>
/// Stable guids for what Cloud Foundry names and this product numbers: a revision, its droplet (the built
/// artifact of a revision here) and a deployment's process per group. Name-based (SHA-256 of a fixed namespace
/// and the ids, shaped as a version-5 UUID), so the same thing has the same guid on every read and every host.
/// </summary>
internal static class CloudFoundryGuids
{
    private const string Namespace = "deployments.cloudfoundry/";

    public static Guid Revision(Guid appId, int number) => Named($"revision/{appId:N}/{number}");

    public static Guid Droplet(Guid appId, int number) => Named($"droplet/{appId:N}/{number}");

    public static Guid Process(Guid deploymentId, string group) => Named($"process/{deploymentId:N}/{group}");

    private static Guid Named(string name)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(Namespace + name))[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
