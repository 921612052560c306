using Azure;
using Azure.Data.Tables;
using Deployments.Api.Http;

namespace Deployments.Api.Hooks;

/// <summary>
/// Remembers webhook deliveries (partition = source, row = delivery id) so a redelivery never starts a
/// second deployment. A delivery is claimed with insert-if-not-exists before anything is started, and its
/// response recorded once the deployment exists; a redelivery gets that response again.
/// </summary>
internal sealed class WebhookDeliveryStore(ControlPlaneTables tables, TimeProvider time)
{
    /// <summary>
    /// A claim with no recorded response after this long belongs to a process that died mid-delivery; a
    /// redelivery may take it over (after checking whether that process got as far as a deployment).
    /// </summary>
    public static readonly TimeSpan ClaimLifetime = TimeSpan.FromMinutes(2);

    /// <summary>Table properties hold at most 64 KiB; a larger answer is replayed from the deployment instead.</summary>
    private const int MaxRecordedBody = 30_000;

    public async Task<DeliveryClaim> ClaimAsync(string source, string deliveryId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        try
        {
            await tables.Deliveries.AddAsync(new TableEntity(source, deliveryId) { ["ClaimedAt"] = now }, cancellationToken);
            return new DeliveryClaim.Claimed(TakenOver: false);
        }
        catch (RequestFailedException exists) when (exists.Status == StatusCodes.Status409Conflict)
        {
        }

        if (await tables.Deliveries.GetAsync(source, deliveryId, cancellationToken) is not { } entity)
        {
            // Released between our insert and read: a refusal, which the caller may evaluate afresh.
            return await ClaimAsync(source, deliveryId, cancellationToken);
        }

        if (entity.GetInt32("Status") is { } status)
        {
            return new DeliveryClaim.Recorded(new RecordedResponse(status, entity.GetString("Body"), entity.GetString("Location"), entity.GetString("DeploymentId")));
        }

        if (now - (entity.GetDateTimeOffset("ClaimedAt") ?? now) < ClaimLifetime)
        {
            return new DeliveryClaim.InProgress();
        }

        entity["ClaimedAt"] = now;
        try
        {
            await tables.Deliveries.ReplaceAsync(entity, entity.ETag, cancellationToken);
            return new DeliveryClaim.Claimed(TakenOver: true);
        }
        catch (RequestFailedException raced) when (raced.Status == StatusCodes.Status412PreconditionFailed)
        {
            return new DeliveryClaim.InProgress();
        }
    }

    public async Task RecordAsync(string source, string deliveryId, RecordedResponse response, CancellationToken cancellationToken)
    {
        await tables.Deliveries.UpsertAsync(new TableEntity(source, deliveryId)
        {
            ["ClaimedAt"] = time.GetUtcNow(),
            ["Status"] = response.Status,
            ["Body"] = response.Body is { Length: <= MaxRecordedBody } body ? body : null,
            ["Location"] = response.Location,
            ["DeploymentId"] = response.DeploymentId,
        }, cancellationToken);
    }

    /// <summary>A refused delivery started nothing: forget it, so a redelivery after the cause is fixed can succeed.</summary>
    public async Task ReleaseAsync(string source, string deliveryId, CancellationToken cancellationToken)
    {
        await tables.Deliveries.DeleteAsync(source, deliveryId, ETag.All, cancellationToken);
    }
}

internal abstract record DeliveryClaim
{
    public sealed record Claimed(bool TakenOver) : DeliveryClaim;

    public sealed record Recorded(RecordedResponse Response) : DeliveryClaim;

    public sealed record InProgress : DeliveryClaim;
}

internal sealed record RecordedResponse(int Status, string? Body, string? Location, string? DeploymentId);
