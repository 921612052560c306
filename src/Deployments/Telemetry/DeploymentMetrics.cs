using System.Diagnostics;
using System.Diagnostics.Metrics;
using Deployments.Model;

namespace Deployments.Telemetry;

/// <summary>
/// The <c>Deployments</c> meter: what the control plane does, counted where it is decided durably. One instance per
/// host (a singleton made from the host's <see cref="IMeterFactory"/>), so every test host has meters of its own.
/// </summary>
/// <remarks>
/// Attributes are bounded sets: strategy, kind, outcome and command are enums; namespaces are the few an admin
/// creates. Deployment and app ids never become attributes (they belong on spans and log scopes).
/// </remarks>
public sealed class DeploymentMetrics
{
    /// <summary>Name of the meter, for hosts that export it.</summary>
    public const string MeterName = "Deployments";

    /// <summary>From seconds (an instant rollback) to a day (a canary paused overnight).</summary>
    private static readonly IReadOnlyList<double> DurationBuckets = [1, 5, 10, 30, 60, 120, 300, 600, 1800, 3600, 7200, 21600, 86400];

    private readonly Counter<long> started;
    private readonly Counter<long> finished;
    private readonly Histogram<double> rolloutDuration;
    private readonly Counter<long> commands;
    private readonly Counter<long> webhookDeliveries;

    /// <summary>Creates the meter and its instruments from the host's meter factory.</summary>
    public DeploymentMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(new MeterOptions(MeterName));
        started = meter.CreateCounter<long>("deployments.started", "{deployment}", "Deployments created, once each.");
        finished = meter.CreateCounter<long>("deployments.finished", "{deployment}", "Deployments that reached a terminal status, once each, by outcome.");
        rolloutDuration = meter.CreateHistogram("deployments.rollout.duration", "s", "Time from a deployment's creation to its terminal status.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        commands = meter.CreateCounter<long>("deployments.commands", "{command}", "Commands accepted for deployments (promote, pause, cancel, ...).");
        webhookDeliveries = meter.CreateCounter<long>("deployments.webhook.deliveries", "{delivery}", "Attempts to deliver a status change to a subscriber's webhook, by outcome.");
    }

    /// <summary>A deployment's record was written for the first time (its insert-if-not-exists succeeded).</summary>
    public void Started(Deployment deployment) => started.Add(1, Describe(deployment));

    /// <summary>A deployment's terminal status was written. Call only from the write that changed it (see UpdateDeploymentActivity).</summary>
    public void Finished(Deployment deployment)
    {
        var tags = Describe(deployment);
        tags.Add(TelemetryTags.Outcome, FinishedOutcome.Of(deployment));
        finished.Add(1, tags);
        var ended = deployment.StatusChangedAt ?? deployment.UpdatedAt;
        rolloutDuration.Record(Math.Max(0, (ended - deployment.CreatedAt).TotalSeconds), tags);
    }

    /// <summary>A command (promote, pause, cancel, ...) was accepted for a deployment.</summary>
    public void CommandAccepted(string command) => commands.Add(1, new KeyValuePair<string, object?>(TelemetryTags.Command, command));

    /// <summary>One attempt to deliver a status change to a subscriber's webhook ended with this outcome.</summary>
    public void WebhookDelivered(WebhookDeliveryOutcome outcome) =>
        webhookDeliveries.Add(1, new KeyValuePair<string, object?>(TelemetryTags.DeliveryOutcome, WebhookDeliveryOutcomes.Name(outcome)));

    private static TagList Describe(Deployment deployment) => new()
    {
        { TelemetryTags.Strategy, deployment.Strategy.ToString().ToLowerInvariant() },
        { TelemetryTags.Kind, TelemetryTags.SnakeCase(deployment.Kind.ToString()) },
        { TelemetryTags.Namespace, deployment.Namespace },
    };
}
