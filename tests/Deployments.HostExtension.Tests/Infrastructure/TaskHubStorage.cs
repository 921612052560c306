using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace Deployments.HostExtension.Tests.Infrastructure;

/// <summary>What the storage account holds of one task hub: its tables and its queues.</summary>
internal sealed record TaskHubStorage(IReadOnlyList<string> Tables, IReadOnlyList<string> Queues)
{
    public static async Task<TaskHubStorage> ReadAsync(string connectionString, string hubName, CancellationToken cancellationToken)
    {
        var tables = new List<string>();
        await foreach (var table in new TableServiceClient(connectionString).QueryAsync(cancellationToken: cancellationToken))
        {
            // Table names keep their case but compare without it.
            if (table.Name.StartsWith(hubName, StringComparison.OrdinalIgnoreCase))
            {
                tables.Add(table.Name);
            }
        }

        var queues = new List<string>();
        await foreach (var queue in new QueueServiceClient(connectionString).GetQueuesAsync(prefix: QueuePrefix(hubName), cancellationToken: cancellationToken))
        {
            queues.Add(queue.Name);
        }

        return new TaskHubStorage(tables.Order(StringComparer.Ordinal).ToList(), queues.Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>Queue names are lowercase: the provider lowercases the hub name in them.</summary>
    public static string QueuePrefix(string hubName) => hubName.ToLowerInvariant() + "-";

    public bool HasTable(string name) => Tables.Contains(name, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<string> ControlQueues(string hubName) =>
        Queues.Where(queue => queue.StartsWith(QueuePrefix(hubName) + "control-", StringComparison.Ordinal)).ToList();

    public override string ToString() => $"tables [{string.Join(", ", Tables)}], queues [{string.Join(", ", Queues)}]";
}
