using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Deployments.Platform;

namespace Api.Bench;

/// <summary>
/// The comparison point: bare Kestrel endpoints answering the measured requests with the storage work each
/// one needs, straight through the Azure SDK against the same Azurite and the control plane's own tables,
/// and nothing else (no auth, idempotency, validation, domain model or problem mapping). The gap to the
/// control plane is then what the product adds on top of the storage it cannot avoid.
/// </summary>
internal sealed class BareServer : IAsyncDisposable
{
    /// <summary>The pause baseline writes its own copy of each deployment, so it never moves the real rollouts.</summary>
    private const string CopySuffix = "-bare";
    private const string DeploymentRow = "deployment";

    private readonly WebApplication app;

    private BareServer(WebApplication app, IReadOnlyDictionary<string, StorageTransactionCounter> counters)
    {
        this.app = app;
        Counters = counters;
    }

    public Uri BaseAddress => new(app.Urls.Single());

    /// <summary>Storage requests made by each route's handler, keyed like the operation names.</summary>
    public IReadOnlyDictionary<string, StorageTransactionCounter> Counters { get; }

    public static async Task<BareServer> StartAsync(string connectionString, string hub, IReadOnlyList<string> deploymentIds)
    {
        var read = new StorageTransactionCounter();
        var list = new StorageTransactionCounter();
        var pause = new StorageTransactionCounter();
        var deployments = new TableClient(connectionString, $"{hub}Deployments", read.CountedTableClientOptions());
        var index = new TableClient(connectionString, $"{hub}DeploymentIndex", list.CountedTableClientOptions());
        var copies = new TableClient(connectionString, $"{hub}Deployments", pause.CountedTableClientOptions());
        var copyIndex = new TableClient(connectionString, $"{hub}BareIndex", pause.CountedTableClientOptions());
        var commands = new QueueClient(connectionString, $"{hub}-bare-commands", pause.CountedQueueClientOptions());
        await SeedCopiesAsync(new TableClient(connectionString, $"{hub}Deployments"), new TableClient(connectionString, $"{hub}BareIndex"),
            new QueueClient(connectionString, $"{hub}-bare-commands"), deploymentIds);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();

        // The control plane's read: one point read of the deployment's row, answered with the stored document.
        app.MapGet("/api/deployments/{id}", async (Guid id, CancellationToken ct) =>
        {
            var row = await deployments.GetEntityIfExistsAsync<TableEntity>(Key(id), DeploymentRow, cancellationToken: ct);
            return row.HasValue ? Results.Bytes(Document(row.Value!), "application/json") : Results.NotFound();
        });

        // The control plane's list: one page of the namespace's partition of the index table.
        app.MapGet("/api/deployments", async (int? page_size, CancellationToken ct) =>
        {
            var size = page_size ?? 50;
            await foreach (var page in index.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"default"}"), size, cancellationToken: ct).AsPages(null, size))
            {
                return Results.Bytes(Encoding.UTF8.GetBytes("[" + string.Join(",", page.Values.Select(e => Encoding.UTF8.GetString(Document(e)))) + "]"), "application/json");
            }

            return Results.Bytes("[]"u8.ToArray(), "application/json");
        });

        // The control plane's command, as the storage it must touch: read the record, replace it guarded by its
        // ETag together with a timeline row (one entity-group transaction), re-index it, and queue the event
        // for the rollout. A write lost to a concurrent one answers 409, as the control plane does.
        app.MapPost("/api/deployments/{id}/pause", async (Guid id, HttpRequest request, CancellationToken ct) =>
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync(ct);
            var key = Key(id) + CopySuffix;
            var stored = (await copies.GetEntityAsync<TableEntity>(key, DeploymentRow, cancellationToken: ct)).Value;
            var replaced = Copy(stored, key, DeploymentRow);
            var entry = new TableEntity(key, $"event-{DateTime.UtcNow.Ticks:D20}-{Guid.NewGuid():N}")
            {
                ["Doc0"] = JsonSerializer.Serialize(new { deployment_id = Key(id), kind = "paused", actor = "admin", message = "Paused by admin", at = DateTimeOffset.UtcNow }),
            };
            try
            {
                await copies.SubmitTransactionAsync(
                [
                    new(TableTransactionActionType.UpdateReplace, replaced, stored.ETag),
                    new(TableTransactionActionType.Add, entry),
                ], ct);
            }
            catch (TableTransactionFailedException conflict) when (conflict.Status is 409 or 412)
            {
                return Results.Conflict();
            }

            await copyIndex.UpsertEntityAsync(Copy(stored, "default", Key(id)), TableUpdateMode.Replace, ct);
            await commands.SendMessageAsync(body, ct);
            return Results.Bytes(Document(stored), "application/json");
        });
        await app.StartAsync();
        return new BareServer(app, new Dictionary<string, StorageTransactionCounter>
        {
            ["GET /api/deployments/{id}"] = read,
            ["GET /api/deployments?page_size=20"] = list,
            ["POST /api/deployments/{id}/pause"] = pause,
        });
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    /// <summary>Copies each deployment's row to a partition of its own in the same table (uncounted set-up).</summary>
    private static async Task SeedCopiesAsync(TableClient deployments, TableClient copyIndex, QueueClient commands, IReadOnlyList<string> ids)
    {
        await copyIndex.CreateIfNotExistsAsync();
        await commands.CreateIfNotExistsAsync();
        foreach (var key in ids.Select(id => Key(Guid.Parse(id))))
        {
            var row = (await deployments.GetEntityAsync<TableEntity>(key, DeploymentRow)).Value;
            await deployments.UpsertEntityAsync(Copy(row, key + CopySuffix, DeploymentRow), TableUpdateMode.Replace);
        }
    }

    /// <summary>The row's own columns (document and filter columns) under new keys, without the service's metadata.</summary>
    private static TableEntity Copy(TableEntity source, string partitionKey, string rowKey)
    {
        var copy = new TableEntity(partitionKey, rowKey);
        foreach (var (name, value) in source.Where(p => p.Key is not ("PartitionKey" or "RowKey" or "Timestamp") && !p.Key.StartsWith("odata.", StringComparison.Ordinal)))
        {
            copy[name] = value;
        }

        return copy;
    }

    private static string Key(Guid id) => id.ToString("N");

    /// <summary>The document as stored: JSON split over Doc0, Doc1, … columns, joined back without parsing it.</summary>
    private static byte[] Document(TableEntity entity)
    {
        var json = new StringBuilder();
        for (var chunk = 0; entity.GetString($"Doc{chunk}") is { } part; chunk++)
        {
            json.Append(part);
        }

        return Encoding.UTF8.GetBytes(json.ToString());
    }
}
