using System.Security.Cryptography;
using System.Text;

namespace Deployments.Service;

/// <summary>
/// Ids for what one request creates. Inside <see cref="Derive"/> (the idempotency filter opens it with the
/// request's key) they are derived from that seed, so a retry of a request whose process died names the same
/// deployments and finds what the first attempt made instead of making more; elsewhere they are random.
/// Ambient rather than passed, because every use case that creates a deployment must honour it, however deep.
/// </summary>
public static class RequestIds
{
    private static readonly AsyncLocal<Seed?> Current = new();

    /// <summary>Derives the ids created until the returned scope is disposed from <paramref name="seed"/>.</summary>
    public static IDisposable Derive(string seed)
    {
        var previous = Current.Value;
        Current.Value = new Seed(seed);
        return new Restore(previous);
    }

    /// <summary>
    /// A new id for a thing of <paramref name="kind"/> (e.g. "deploy:{app}"): the n-th one a seeded request
    /// asks for of that kind is the same on every attempt, whatever order its kinds come in.
    /// </summary>
    public static Guid New(string kind) => Current.Value is { } seed ? Hash($"{seed.Text}\n{kind}\n{seed.Next(kind)}") : Guid.NewGuid();

    internal static Guid Hash(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return new Guid(hash[..16]);
    }

    private sealed class Seed(string text)
    {
        private readonly Dictionary<string, int> counts = [];

        public string Text => text;

        public int Next(string kind)
        {
            lock (counts)
            {
                var next = counts.GetValueOrDefault(kind);
                counts[kind] = next + 1;
                return next;
            }
        }
    }

    private sealed class Restore(Seed? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
