using Deployments.Telemetry;
using Microsoft.DurableTask;

namespace Deployments.Notifications;

/// <summary>Delivers one status change to every subscriber in parallel, each with retries; a failing one is recorded, not fatal.</summary>
public sealed class NotifySubscribersOrchestrator : TaskOrchestrator<NotificationRequest, int>
{
    /// <summary>Name the orchestration is registered and scheduled under.</summary>
    public const string Name = "NotifySubscribers";
    /// <summary>Name of the activity that lists the subscribers.</summary>
    public const string ListActivity = "ListSubscribers";
    /// <summary>Name of the activity that delivers to one subscriber.</summary>
    public const string DeliverActivity = "DeliverNotification";

    private static readonly RetryPolicy Retry = new(maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(1));

    /// <summary>Delivers the event to every subscriber of its namespace and returns how many deliveries succeeded.</summary>
    public override async Task<int> RunAsync(TaskOrchestrationContext context, NotificationRequest input)
    {
        var logger = context.CreateReplaySafeLogger<NotifySubscribersOrchestrator>();
        using var scope = DeploymentLogScope.BeginForInstance(logger, context.InstanceId);
        var subscribers = await context.CallActivityAsync<List<Guid>>(ListActivity, input.Namespace);
        var deliveries = subscribers.Select(async id =>
        {
            try
            {
                await context.CallActivityAsync(DeliverActivity, new Delivery(id, input.Event), TaskOptions.FromRetryPolicy(Retry));
                return true;
            }
            catch (TaskFailedException)
            {
                return false;
            }
        });
        var delivered = (await Task.WhenAll(deliveries)).Count(ok => ok);
        context.SetCustomStatus(new { delivered, failed = subscribers.Count - delivered });
        NotificationLog.NotificationsDelivered(logger, input.Event.Type, delivered, subscribers.Count);
        return delivered;
    }
}
