using System.Security.Cryptography;
using System.Text;

namespace Deployments.Api.Seeds;

/// <summary>
/// Ids the seeds need for what this product has no id of its own (Cloud Foundry's revisions, droplets and processes,
/// Nomad's evaluations): derived from a name, so the same thing has the same id on every read and every host. A
/// version-8 uuid (RFC 9562, name-based with a custom hash): SHA-256's first 16 bytes with the version and variant set.
/// </summary>
internal static class NameBasedGuid
{
    public static Guid From(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(name));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
