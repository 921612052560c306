using Azure;
using Azure.Data.Tables;
using Deployments.Platform;

namespace Deployments.Api.Http.Idempotency;

/// <summary>
/// Idempotency records in <c>{prefix}Idempotency</c> (partition: the caller, row: the key, both hashed).
/// A request claims its key by inserting a pending row, which only one of several concurrent duplicates
/// can do; the winner replaces it with its response. Records live a day. The owner of a pending row
/// renews it while it runs (<see cref="ClaimLease"/>); one not renewed for <see cref="PendingLease"/>
/// belongs to a request whose process died, and may be claimed again within seconds, not minutes.
/// Running the request again is then safe: what it creates has ids derived from the key, so the retry
/// finds what the dead attempt made.
/// </summary>
internal sealed class IdempotencyStore : IDisposable
{
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);
    public static readonly TimeSpan PendingLease = TimeSpan.FromSeconds(10);

    /// <summary>A binary property holds 64 KiB; fifteen of them keep a row under the 1 MiB entity limit.</summary>
    private const int ChunkBytes = 64 * 1024;
    private const int MaxChunks = 15;

    private readonly StorageTableSet tables;
    private readonly StorageTable table;
    private readonly TimeProvider time;

    public IdempotencyStore(StorageConnection connection, StorageTransactionCounter counter, string tablePrefix, TimeProvider time)
    {
        tables = new StorageTableSet(StorageClients.Tables(connection, counter), $"{tablePrefix}Idempotency");
        table = tables[$"{tablePrefix}Idempotency"];
        this.time = time;
    }

    public async Task<IdempotencyClaim> ClaimAsync(string scope, string key, string fingerprint, CancellationToken cancellationToken, int attempt = 1)
    {
        var pending = new TableEntity(scope, key) { ["Fingerprint"] = fingerprint, ["State"] = "pending", ["StartedAt"] = time.GetUtcNow() };
        try
        {
            return new(ClaimOutcome.Claimed, await table.AddAsync(pending, cancellationToken));
        }
        catch (RequestFailedException exists) when (exists.Status == 409)
        {
        }

        if (await table.GetAsync(scope, key, cancellationToken) is not { } record)
        {
            // Released by a request that failed meanwhile: this one may run after all.
            return attempt < 3 ? await ClaimAsync(scope, key, fingerprint, cancellationToken, attempt + 1) : new(ClaimOutcome.InProgress);
        }

        var age = time.GetUtcNow() - (record.GetDateTimeOffset("StartedAt") ?? DateTimeOffset.MinValue);
        var done = record.GetString("State") == "done";
        if (age > Retention || (!done && age > PendingLease))
        {
            return await TakeOverAsync(pending, record.ETag, cancellationToken);
        }

        if (record.GetString("Fingerprint") != fingerprint)
        {
            return new(ClaimOutcome.Mismatch);
        }

        return done ? new(ClaimOutcome.Replay, record.ETag, Read(record)) : new(ClaimOutcome.InProgress);
    }

    /// <summary>Stores the response; guarded by the claim's ETag, so a request that lost its claim cannot overwrite the new owner's.</summary>
    public async Task CompleteAsync(string scope, string key, string fingerprint, IdempotencyClaim claim, StoredResponse response, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(scope, key)
        {
            ["Fingerprint"] = fingerprint,
            ["State"] = "done",
            ["StartedAt"] = time.GetUtcNow(),
            ["Status"] = response.Status,
            ["ContentType"] = response.ContentType,
            ["Location"] = response.Location,
            ["BodyLength"] = response.Body.Length,
        };
        for (var chunk = 0; chunk * ChunkBytes < response.Body.Length; chunk++)
        {
            if (chunk == MaxChunks)
            {
                // Too large to keep: a retry then runs again, which is what happens without a key at all.
                await ReleaseAsync(scope, key, claim);
                return;
            }

            entity[$"Body{chunk}"] = response.Body.AsSpan(chunk * ChunkBytes, Math.Min(ChunkBytes, response.Body.Length - (chunk * ChunkBytes))).ToArray();
        }

        await table.ReplaceAsync(entity, claim.ETag, cancellationToken);
    }

    /// <summary>Says the pending row's owner is still running; returns the new ETag, or null when the row was lost to another.</summary>
    public async Task<ETag?> RenewAsync(string scope, string key, ETag claimed, CancellationToken cancellationToken)
    {
        try
        {
            return await table.MergeAsync(new TableEntity(scope, key) { ["StartedAt"] = time.GetUtcNow() }, claimed, cancellationToken);
        }
        catch (RequestFailedException lost) when (lost.Status is 404 or 412)
        {
            return null;
        }
    }

    /// <summary>Gives the key up after a failure, so a retry runs instead of waiting for the pending row to go stale.</summary>
    public async Task ReleaseAsync(string scope, string key, IdempotencyClaim claim)
    {
        try
        {
            await table.DeleteAsync(scope, key, claim.ETag, CancellationToken.None);
        }
        catch (RequestFailedException changed) when (changed.Status is 404 or 412)
        {
            // Someone else owns the key now.
        }
    }

    private async Task<IdempotencyClaim> TakeOverAsync(TableEntity pending, ETag stale, CancellationToken cancellationToken)
    {
        try
        {
            return new(ClaimOutcome.Claimed, await table.ReplaceAsync(pending, stale, cancellationToken));
        }
        catch (RequestFailedException lost) when (lost.Status is 404 or 412)
        {
            return new(ClaimOutcome.InProgress);
        }
    }

    public void Dispose() => tables.Dispose();

    private static StoredResponse Read(TableEntity record)
    {
        var length = record.GetInt32("BodyLength") ?? 0;
        var body = new byte[length];
        for (var (chunk, offset) = (0, 0); offset < length; chunk++)
        {
            var part = record.GetBinary($"Body{chunk}");
            part.CopyTo(body, offset);
            offset += part.Length;
        }

        return new StoredResponse(record.GetInt32("Status") ?? StatusCodes.Status200OK, record.GetString("ContentType"), record.GetString("Location"), body);
    }
}
