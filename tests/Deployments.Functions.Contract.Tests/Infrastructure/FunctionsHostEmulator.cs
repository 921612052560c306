using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Deployments.Functions.Contract.Tests.Infrastructure;

/// <summary>
/// Plays the Azure Functions host's queue triggers for a custom handler: reads the queues named in the app's
/// function.json files and, for each message, POSTs the documented invocation payload to <c>/{FunctionName}</c>
/// (<c>{"Data": {"message": text}, "Metadata": {"DequeueCount", "Id", "InsertionTime", ...}}</c>). A 200 deletes
/// the message; anything else leaves it to reappear, as the host's retry does.
/// </summary>
internal sealed class FunctionsHostEmulator : IAsyncDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private readonly CancellationTokenSource stopping = new();
    private readonly Task polling;
    private readonly List<(string Function, HttpStatusCode Status, JsonElement Body)> invocations = [];

    public FunctionsHostEmulator(string connectionString, Uri handler)
    {
        var queues = FunctionDefinition.LoadAll(AppOutput.Directory)
            .Where(f => f.TriggerType == "queueTrigger")
            .Select(f => (f.Name, Queue: new QueueClient(connectionString, f.QueueName)))
            .ToList();
        var client = new HttpClient { BaseAddress = handler, Timeout = TimeSpan.FromSeconds(60) };
        polling = Task.Run(() => PollAsync(queues, client, stopping.Token));
    }

    public IReadOnlyList<(string Function, HttpStatusCode Status, JsonElement Body)> Invocations
    {
        get
        {
            lock (invocations)
            {
                return [.. invocations];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        try
        {
            await polling;
        }
        catch (OperationCanceledException)
        {
        }

        stopping.Dispose();
    }

    private async Task PollAsync(List<(string Name, QueueClient Queue)> queues, HttpClient client, CancellationToken cancellationToken)
    {
        foreach (var (_, queue) in queues)
        {
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            var invoked = new List<Task>();
            foreach (var (name, queue) in queues)
            {
                foreach (var message in (await queue.ReceiveMessagesAsync(16, Lease, cancellationToken)).Value)
                {
                    invoked.Add(InvokeAsync(client, name, queue, message, cancellationToken));
                }
            }

            await Task.WhenAll(invoked);
            if (invoked.Count == 0)
            {
                await Task.Delay(50, cancellationToken);
            }
        }
    }

    private async Task InvokeAsync(HttpClient client, string function, QueueClient queue, QueueMessage message, CancellationToken cancellationToken)
    {
        var payload = new Dictionary<string, object?>
        {
            ["Data"] = new Dictionary<string, object?> { ["message"] = message.MessageText },
            ["Metadata"] = new Dictionary<string, object?>
            {
                ["DequeueCount"] = message.DequeueCount,
                ["ExpirationTime"] = message.ExpiresOn?.ToString("O", CultureInfo.InvariantCulture),
                ["Id"] = message.MessageId,
                ["InsertionTime"] = message.InsertedOn?.ToString("O", CultureInfo.InvariantCulture),
                ["NextVisibleTime"] = message.NextVisibleOn?.ToString("O", CultureInfo.InvariantCulture),
                ["PopReceipt"] = message.PopReceipt,
                ["sys"] = new Dictionary<string, object?> { ["MethodName"] = function, ["UtcNow"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture), ["RandGuid"] = Guid.NewGuid().ToString() },
            },
        };
        using var response = await client.PostAsJsonAsync($"/{function}", payload, cancellationToken);
        var body = await response.ReadAsync();
        lock (invocations)
        {
            invocations.Add((function, response.StatusCode, body));
        }

        if (response.StatusCode == HttpStatusCode.OK)
        {
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
        }
        else
        {
            await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.FromMilliseconds(200), cancellationToken: cancellationToken);
        }
    }
}
