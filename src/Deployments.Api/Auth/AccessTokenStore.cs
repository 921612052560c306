using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using Deployments.Api.Http;
using Deployments.Serialization;

namespace Deployments.Api.Auth;

/// <summary>Scoped tokens in the keys table (partition <c>token</c>, row = token id), stored as salted hashes.</summary>
internal sealed class AccessTokenStore(ControlPlaneTables tables, TimeProvider time)
{
    public const int IdLength = 16;
    private const string Partition = "token";

    public async Task<CreatedAccessToken> CreateAsync(string name, string @namespace, IReadOnlyList<string> capabilities, DateTimeOffset? expiresAt, string createdBy, CancellationToken cancellationToken)
    {
        var table = await tables.KeysAsync(cancellationToken);
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
        await table.AddEntityAsync(entity, cancellationToken);
        return new CreatedAccessToken(token, TokenValue.Format(id, secret));
    }

    /// <summary>The token a presented value proves, if it is valid, not revoked and not expired.</summary>
    public async Task<AccessToken?> AuthenticateAsync(string presented, CancellationToken cancellationToken)
    {
        if (!TokenValue.TryParse(presented, out var id, out var secret))
        {
            return null;
        }

        var table = await tables.KeysAsync(cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: cancellationToken);
        if (!row.HasValue || row.Value is not { } entity)
        {
            return null;
        }

        var hash = new HashedSecret(entity.GetString("Salt") ?? string.Empty, entity.GetString("Hash") ?? string.Empty);
        return SecretHasher.Verify(secret, hash) && Read(entity) is { } token && token.IsUsableAt(time.GetUtcNow()) ? token : null;
    }

    public async Task<IReadOnlyList<AccessToken>> ListAsync(CancellationToken cancellationToken)
    {
        var table = await tables.KeysAsync(cancellationToken);
        var found = new List<AccessToken>();
        await foreach (var entity in table.QueryAsync<TableEntity>($"PartitionKey eq '{Partition}'", select: ["Document"], cancellationToken: cancellationToken))
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

        var table = await tables.KeysAsync(cancellationToken);
        while (true)
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: cancellationToken);
            if (!row.HasValue || row.Value is not { } entity || Read(entity) is not { } token)
            {
                return null;
            }

            if (token.RevokedAt is not null)
            {
                return token;
            }

            var revoked = token with { RevokedAt = time.GetUtcNow(), RevokedBy = revokedBy };
            entity["Document"] = System.Text.Json.JsonSerializer.Serialize(revoked, SnakeCaseJson.Options);
            try
            {
                await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
                return revoked;
            }
            catch (RequestFailedException changed) when (changed.Status == StatusCodes.Status412PreconditionFailed)
            {
                // Revoked concurrently: read again and answer what won.
            }
        }
    }

    private static AccessToken? Read(TableEntity entity) =>
        entity.GetString("Document") is { } json ? System.Text.Json.JsonSerializer.Deserialize<AccessToken>(json, SnakeCaseJson.Options) : null;
}
