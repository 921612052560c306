using Durable.Messaging;
using Durable.Storage;
using Durable.Worker;

namespace Durable;

/// <summary>
/// The engine's single-message entry point, for hosts that deliver queue messages themselves (an Azure
/// Functions queue trigger). The deliverer deletes the message when this returns and retries it when
/// this throws; the engine's own poison limit still applies.
/// </summary>
public sealed class DurableTaskEngine
{
    private readonly TaskHubStorage storage;
    private readonly MessageIntake intake;

    internal DurableTaskEngine(TaskHubStorage storage, MessageIntake intake, StorageTransactionCounter transactions)
    {
        this.storage = storage;
        this.intake = intake;
        Transactions = transactions;
    }

    public IReadOnlyList<string> ControlQueueNames => storage.Names.ControlQueues;

    public string WorkItemQueueName => storage.Names.WorkItemQueue;

    public StorageTransactionCounter Transactions { get; }

    public Task EnsureCreatedAsync() => storage.EnsureCreatedAsync();

    /// <summary>One cheap read of the hub's history table: proves the storage account answers now.</summary>
    public async Task ProbeStorageAsync(CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync();
        await foreach (var _ in storage.History.QueryAsync<Azure.Data.Tables.TableEntity>("PartitionKey eq '~probe'", maxPerPage: 1, cancellationToken: cancellationToken).AsPages(pageSizeHint: 1))
        {
            break;
        }
    }

    public async Task ProcessQueueMessageAsync(string queueName, string messageId, string messageText, long dequeueCount, DateTimeOffset? insertedOn = null, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        var raw = new RawMessage(queueName, messageId, messageText, dequeueCount, insertedOn);
        var receipt = new ExternallySettledReceipt(messageId);
        if (queueName == storage.Names.WorkItemQueue)
        {
            await intake.HandleWorkItemAsync(raw, receipt, slotReserved: false, deliverLocally: false, cancellationToken);
        }
        else if (storage.Names.ControlQueues.Contains(queueName))
        {
            await intake.HandleControlAsync(raw, receipt);
        }
        else
        {
            throw new ArgumentException($"Queue '{queueName}' does not belong to task hub '{storage.Names.HubName}'.", nameof(queueName));
        }
    }
}
