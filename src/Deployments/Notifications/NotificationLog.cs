using Microsoft.Extensions.Logging;

namespace Deployments.Notifications;

/// <summary>What the notification orchestrator logs, through its replay-safe logger, within the deployment's log scope.</summary>
internal static partial class NotificationLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Status change {EventType} delivered to {Delivered} of {Subscribers} subscriber(s)")]
    public static partial void NotificationsDelivered(ILogger logger, string eventType, int delivered, int subscribers);
}
