using System.Text.Json;
using System.Text.Json.Serialization;
using Deployments.Model;
using Deployments.Storage;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Deployments.Notifications;

/// <summary>
/// Starts the delivery of a status change to subscribers as its own orchestration, so a slow or dead
/// subscriber never holds up a rollout. The instance id names the change, so it is sent once.
/// </summary>
public sealed class DeploymentNotifier(DurableTaskClient client, SubscriptionStore subscriptions, TimeProvider time)
{
    /// <summary>Starts delivery of the deployment's current state to its namespace's subscribers; does nothing when the namespace has none.</summary>
    public Task StatusChangedAsync(Deployment deployment, CancellationToken cancellationToken) =>
        SendAsync(deployment, $"{deployment.Id:N}-{deployment.ModifyIndex}", $"io.controlplane.deployment.{deployment.Status.ToString().ToLowerInvariant()}",
            () => JsonSerializer.SerializeToElement(DeploymentView.Of(deployment), PublicJson.Options), cancellationToken);

    /// <summary>
    /// Announces an analysis verdict as <c>io.controlplane.deployment.analysis.{phase}</c>, its data the run (metrics,
    /// verdict, message) and the deployment's id; once per run, however often the recording activity runs.
    /// </summary>
    public Task AnalysisDecidedAsync(Deployment deployment, AnalysisRun run, CancellationToken cancellationToken) =>
        SendAsync(deployment, $"{deployment.Id:N}-analysis-{run.Id}", $"io.controlplane.deployment.analysis.{run.Phase.ToString().ToLowerInvariant()}",
            () => JsonSerializer.SerializeToElement(run, PublicJson.Options), cancellationToken);

    private async Task SendAsync(Deployment deployment, string eventId, string type, Func<JsonElement> data, CancellationToken cancellationToken)
    {
        // Most namespaces have no subscriber. Without one, a delivery orchestration would only list nobody,
        // yet cost about fourteen storage transactions per event; one query settles it instead.
        // (A namespace's first subscriber now also misses an event from the moment before it subscribed.)
        if (!await subscriptions.AnyAsync(deployment.Namespace, cancellationToken))
        {
            return;
        }

        var instanceId = $"notify-{eventId}";
        if (await client.GetInstanceAsync(instanceId, cancellationToken) is not null)
        {
            return;
        }

        var cloudEvent = new CloudEvent(
            SpecVersion: "1.0",
            Id: eventId,
            Source: $"/namespaces/{deployment.Namespace}/deployments/{deployment.Id:N}",
            Type: type,
            Time: time.GetUtcNow(),
            Subject: deployment.Id.ToString("N"),
            DataContentType: "application/json",
            Data: data());
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(NotifySubscribersOrchestrator.Name,
                new NotificationRequest(deployment.Namespace, cloudEvent), new StartOrchestrationOptions(instanceId), cancellationToken);
        }
        catch (OrchestrationAlreadyExistsException)
        {
            // Another run of the same activity got there first.
        }
    }
}

/// <summary>A CloudEvents 1.0 envelope in structured JSON mode.</summary>
/// <remarks>
/// The spec names attributes in lower case without separators; the snake_case naming of our documents
/// would write "spec_version" and "data_content_type", which no CloudEvents reader recognises.
/// </remarks>
public sealed record CloudEvent(
    [property: JsonPropertyName("specversion")] string SpecVersion,
    string Id,
    string Source,
    string Type,
    DateTimeOffset Time,
    string Subject,
    [property: JsonPropertyName("datacontenttype")] string DataContentType,
    JsonElement Data);

/// <summary>Input of the notify orchestration: one status change for one namespace's subscribers.</summary>
/// <param name="Namespace">Namespace whose subscribers are told.</param>
/// <param name="Event">The status change, as a CloudEvent.</param>
public sealed record NotificationRequest(string Namespace, CloudEvent Event);

/// <summary>Input of the deliver activity: one status change for one subscriber.</summary>
/// <param name="SubscriptionId">Subscription to deliver to.</param>
/// <param name="Event">The status change, as a CloudEvent.</param>
public sealed record Delivery(Guid SubscriptionId, CloudEvent Event);
