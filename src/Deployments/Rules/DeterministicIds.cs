using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Deployments.Rules;

/// <summary>
/// Ids an orchestration decides from what its history holds, never from its clock. The SDK's
/// <c>NewGuid</c> hashes the episode's start time, and an episode whose checkpoint did not commit runs again
/// at a new time: the activities it had already sent then came back with new ids, and an update or an
/// allocation meant once was made twice. A seed that an activity returned (and the history keeps) plus a count
/// of ids drawn gives the same ids to every run of the same history.
/// </summary>
internal sealed class DeterministicIds(Guid seed)
{
    private long drawn;

    public Guid Next() => From(seed, ++drawn);

    /// <summary>One id for one purpose of a seed, the same each time it is asked for.</summary>
    public static Guid From(Guid seed, string purpose) => Hash(seed, System.Text.Encoding.UTF8.GetBytes(purpose));

    private static Guid From(Guid seed, long count)
    {
        Span<byte> number = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64LittleEndian(number, count);
        return Hash(seed, number);
    }

    private static Guid Hash(Guid seed, ReadOnlySpan<byte> suffix)
    {
        Span<byte> input = stackalloc byte[16 + suffix.Length];
        seed.TryWriteBytes(input);
        suffix.CopyTo(input[16..]);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(input, hash);
        return new Guid(hash[..16]);
    }
}
