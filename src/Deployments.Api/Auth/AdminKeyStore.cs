using Azure;
using Azure.Data.Tables;
using Deployments.Api.Http;

namespace Deployments.Api.Auth;

/// <summary>
/// The master (admin) key, as the Functions host has one: taken from configuration <c>Auth:AdminKey</c>, or
/// else generated at first start and kept only as a salted hash in the keys table, so the plain key exists
/// once, in the start-up output of the process that made it. Hosts sharing a hub share the stored key.
/// </summary>
internal sealed class AdminKeyStore
{
    public const string ConfigurationKey = "Auth:AdminKey";
    private const string Partition = "admin";
    private const string Row = "key";
    private const int MinimumLength = 16;

    /// <summary>Another host may rotate the key: re-read the stored hash this often.</summary>
    private static readonly TimeSpan StoredKeyLifetime = TimeSpan.FromSeconds(30);

    private readonly ControlPlaneTables tables;
    private readonly TimeProvider time;
    private readonly HashedSecret? configured;
    private (HashedSecret Hash, DateTimeOffset ReadAt)? stored;

    public AdminKeyStore(ControlPlaneTables tables, IConfiguration configuration, TimeProvider time)
    {
        this.tables = tables;
        this.time = time;
        if (configuration[ConfigurationKey] is { Length: > 0 } key)
        {
            if (key.Length < MinimumLength)
            {
                throw new InvalidOperationException($"{ConfigurationKey} must be at least {MinimumLength} characters.");
            }

            configured = SecretHasher.Hash(key);
        }
    }

    public bool IsConfigured => configured is not null;

    public async Task<bool> IsAdminKeyAsync(string presented, CancellationToken cancellationToken)
    {
        if (configured is not null)
        {
            return SecretHasher.Verify(presented, configured);
        }

        if (stored is not { } cached || time.GetUtcNow() - cached.ReadAt > StoredKeyLifetime)
        {
            if (await tables.Keys.GetAsync(Partition, Row, cancellationToken) is not { } row)
            {
                return false;
            }

            cached = (ToHash(row), time.GetUtcNow());
            stored = cached;
        }

        return SecretHasher.Verify(presented, cached.Hash);
    }

    /// <summary>
    /// Makes sure a key exists. Returns the plain key only when this call generated it (first start, or
    /// <paramref name="rotate"/>), for the caller to show once; null when the key already existed or is configured.
    /// </summary>
    public async Task<string?> EnsureAsync(bool rotate, CancellationToken cancellationToken)
    {
        if (configured is not null)
        {
            return null;
        }

        var key = SecretHasher.NewSecret();
        var entity = ToEntity(SecretHasher.Hash(key));
        if (rotate)
        {
            await tables.Keys.UpsertAsync(entity, cancellationToken);
            stored = null;
            return key;
        }

        try
        {
            // Insert-if-not-exists: of several hosts starting together, exactly one key wins.
            await tables.Keys.AddAsync(entity, cancellationToken);
            return key;
        }
        catch (RequestFailedException conflict) when (conflict.Status == StatusCodes.Status409Conflict)
        {
            return null;
        }
    }

    private static TableEntity ToEntity(HashedSecret hash) =>
        new(Partition, Row) { ["Salt"] = hash.Salt, ["Hash"] = hash.Hash };

    private static HashedSecret ToHash(TableEntity entity) =>
        new(entity.GetString("Salt") ?? string.Empty, entity.GetString("Hash") ?? string.Empty);
}
