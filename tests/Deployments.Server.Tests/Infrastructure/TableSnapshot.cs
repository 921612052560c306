using Azure;
using Azure.Data.Tables;

namespace Deployments.Server.Tests.Infrastructure;

/// <summary>
/// Every row of a hub's domain tables (and the engine's instances, and the idempotency records) with its
/// ETag: two equal snapshots mean nothing was inserted, deleted or rewritten in between, which counting
/// rows alone could not tell for an update.
/// </summary>
public sealed record TableSnapshot(IReadOnlyDictionary<string, IReadOnlySet<string>> Rows)
{
    private static readonly string[] Tables =
        ["Clusters", "Environments", "Apps", "AppNames", "Deployments", "DeploymentIndex", "Allocations", "Pipelines", "Subscriptions", "Instances", "Idempotency"];

    public static async Task<TableSnapshot> TakeAsync(ControlPlaneServer server)
    {
        var service = new TableServiceClient(server.ConnectionString);
        var rows = new Dictionary<string, IReadOnlySet<string>>();
        foreach (var table in Tables)
        {
            var found = new HashSet<string>();
            try
            {
                await foreach (var entity in service.GetTableClient(server.HubName + table).QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
                {
                    found.Add($"{entity.PartitionKey}/{entity.RowKey}@{entity.ETag}");
                }
            }
            catch (RequestFailedException missing) when (missing.Status == 404)
            {
            }

            rows[table] = found;
        }

        return new TableSnapshot(rows);
    }

    /// <summary>Waits until background work (a rollout finishing its last steps) has stopped writing.</summary>
    public static async Task<TableSnapshot> SettledAsync(ControlPlaneServer server)
    {
        var previous = await TakeAsync(server);
        for (var attempt = 0; attempt < 40; attempt++)
        {
            await Task.Delay(500);
            var current = await TakeAsync(server);
            if (current.Differences(previous).Count == 0)
            {
                return current;
            }

            previous = current;
        }

        throw new TimeoutException("The tables kept changing; the hub never became quiet.");
    }

    /// <summary>Rows added, removed or rewritten, by table.</summary>
    public IReadOnlyList<string> Differences(TableSnapshot other) =>
        [.. Rows.SelectMany(pair => pair.Value.Except(other.Rows[pair.Key]).Select(row => $"{pair.Key}: +{row}")
            .Concat(other.Rows[pair.Key].Except(pair.Value).Select(row => $"{pair.Key}: -{row}")))];

    public int Count => Rows.Values.Sum(r => r.Count);
}
