using System.Security.Cryptography;
using System.Text;

namespace Deployments.Api.Seeds.Nomad;

/// <summary>
/// What stands in for Nomad's evaluation: there is no scheduler here, and the rollout's orchestration reacting to
/// a change of the deployment is what Nomad's evaluation is. Its id is derived from the deployment and the
/// modify index of that change, so the same change always names the same evaluation, and a new change a new one.
/// </summary>
internal static class NomadEvaluation
{
    public static Guid For(Guid deploymentId, long modifyIndex)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"nomad-evaluation:{deploymentId:N}:{modifyIndex}"));
        // A version-8 (name-based, custom hash) uuid, RFC 9562: the hash's first 16 bytes, version and variant set.
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
