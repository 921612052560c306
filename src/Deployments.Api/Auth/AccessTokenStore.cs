using System.Security.Cryptography;
using Azure.Data.Tables;
using Deployments.Api.Http;
using Deployments.Platform;
using Deployments.Serialization;

namespace Deployments.Api.Auth;

/// <summary>Scoped tokens in the keys table (partition <c>token</c>, row = token id), stored as salted hashes.</summary>
internal sealed class AccessTokenStore(ControlPlaneTables tables, TimeProvider time)
{
    public const int IdLength = 16;
    private const string Partition = "token";

    public async Task<CreatedAccessToken> CreateAsync(string name, string @namespace, IReadOnlyList<string> capabilities, DateTimeOffset? expiresAt, string createdBy, CancellationToken cancellationToken)
    {
        var id = RandomNumberGenerator.GetHexString(IdLength, lowercase: true);
        var secret = SecretHasher.NewSecret();
        var token = new AccessToken(id, name, @namespace, capabilities, time.GetUtcNow(), createdBy, expiresAt);
        var hash = SecretHasher.Hash(secret);
        var entity = new TableEntity(Partition, id)
        {
            ["Document"] = System.Text.Json.JsonSerializer.Serialize(token, SnakeCaseJson.Options),
            ["Salt"] = hash.Salt,
            ["Hash"] = hash.Hash,
        };
        await tables.Keys.AddAsync(entity, cancellationToken);
        return new CreatedAccessToken(token, TokenValue.Format(id, secret));
    }

    /// <summary>The token a presented value proves, if it is valid, not revoked and not expired.</summary>
    public async Task<AccessToken?> AuthenticateAsync(string presented, CancellationToken cancellationToken)
    {
        if (!TokenValue.TryParse(presented, out var id, out var secret))
        {
            return null;
        }

        if (await tables.Keys.GetAsync(Partition, id, cancellationToken) is not { } entity)
        {
            return null;
        }

        var hash = new HashedSecret(entity.GetString("Salt") ?? string.Empty, entity.GetString("Hash") ?? string.Empty);
        return SecretHasher.Verify(secret, hash) && Read(entity) is { } token && token.IsUsableAt(time.GetUtcNow()) ? token : null;
    }

    public async Task<IReadOnlyList<AccessToken>> ListAsync(CancellationToken cancellationToken)
    {
        var found = new List<AccessToken>();
        await foreach (var entity in tables.Keys.QueryAsync($"PartitionKey eq '{Partition}'", ["Document"], cancellationToken))
        {
            if (Read(entity) is { } token)
            {
                found.Add(token);
            }
        }

        return [.. found.OrderBy(t => t.CreatedAt)];
    }

    /// <summary>Marks the token revoked (kept for the audit trail); revoking twice keeps the first revocation.</summary>
    public async Task<AccessToken?> RevokeAsync(string id, string revokedBy, CancellationToken cancellationToken)
    {
        if (id.Length != IdLength || !id.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        // Unbounded, as before: only revocations write a token row, so a lost race ends at the next read, which sees the winner's.
        return await tables.Keys.UpdateAsync<AccessToken?>(Partition, id, entity =>
        {
            if (entity is null || Read(entity) is not { } token)
            {
                return RowUpdate.Unchanged<AccessToken?>(null);
            }

            if (token.RevokedAt is not null)
            {
                return RowUpdate.Unchanged<AccessToken?>(token);
            }

            var revoked = token with { RevokedAt = time.GetUtcNow(), RevokedBy = revokedBy };
            entity["Document"] = System.Text.Json.JsonSerializer.Serialize(revoked, SnakeCaseJson.Options);
            return RowUpdate.Write<AccessToken?>(revoked, new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, entity.ETag));
        }, int.MaxValue, cancellationToken);
    }

    private static AccessToken? Read(TableEntity entity) =>
        entity.GetString("Document") is { } json ? System.Text.Json.JsonSerializer.Deserialize<AccessToken>(json, SnakeCaseJson.Options) : null;
}
