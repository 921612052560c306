using System.Text;
using System.Text.Json;
using Deployments.Drivers;
using Deployments.Serialization;
using Deployments.Storage;
using Deployments.Telemetry;
using Microsoft.DurableTask;

namespace Deployments.Notifications;

/// <summary>Lists who to notify of a status change in a namespace.</summary>
public sealed class ListSubscribersActivity(SubscriptionStore subscriptions) : TaskActivity<string, List<Guid>>
{
    /// <summary>The ids of every subscription of the namespace given as input.</summary>
    public override async Task<List<Guid>> RunAsync(TaskActivityContext context, string input) =>
        [.. (await subscriptions.ListAsync(input, CancellationToken.None)).Select(s => s.Id)];
}

/// <summary>POSTs the CloudEvent, signed with the subscriber's secret; a non-2xx answer fails the attempt so it is retried.</summary>
public sealed class DeliverNotificationActivity(SubscriptionStore subscriptions, IHttpClientFactory httpClients, TimeProvider time, DeploymentMetrics metrics) : TaskActivity<Delivery, int>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>Delivers the event once and returns the subscriber's 2xx status code; 0 when the subscription is gone. Any other answer throws, so the attempt is retried.</summary>
    public override async Task<int> RunAsync(TaskActivityContext context, Delivery input)
    {
        var subscriberNamespace = input.Event.Source.Split('/')[2];
        if (await subscriptions.GetAsync(subscriberNamespace, input.SubscriptionId, CancellationToken.None) is not { } subscription)
        {
            metrics.WebhookDelivered(WebhookDeliveryOutcome.Unsubscribed);
            return 0;
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(input.Event, SnakeCaseJson.Options);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/cloudevents+json") { CharSet = Encoding.UTF8.WebName };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(subscription.Secret, timestamp, body));
        request.Headers.Add("ce-id", input.Event.Id);
        using var timeout = new CancellationTokenSource(Timeout);
        HttpResponseMessage response;
        try
        {
            response = await httpClients.CreateClient("notifications").SendAsync(request, timeout.Token);
        }
        catch (Exception unanswered) when (unanswered is HttpRequestException or OperationCanceledException)
        {
            metrics.WebhookDelivered(WebhookDeliveryOutcome.Unreachable);
            throw;
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                metrics.WebhookDelivered(WebhookDeliveryOutcome.Refused);
                throw new HttpRequestException($"Subscriber {subscription.Id} answered {(int)response.StatusCode}.");
            }

            metrics.WebhookDelivered(WebhookDeliveryOutcome.Delivered);
            return (int)response.StatusCode;
        }
    }
}
