using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Deployments.Cli.CommandLine;

namespace Deployments.Cli.Commands;

/// <summary>deployctl deploy: a new deployment of an app, of an existing revision or of a new one, rolling or canary.</summary>
internal static class DeployCommand
{
    public static Command Create(Runner runner)
    {
        var command = Describe.Command("deploy", "Start a deployment of an app (a new revision from --image/--command, or --revision).",
            "deployctl deploy sample --command dotnet --arg app.dll --env VERSION=v2 --step 34 --step 67:10s --wait");
        var app = Describe.Argument<string>("app", "The app's name (in --namespace) or id", "sample");
        var revision = new RevisionOptions();
        var existing = Describe.Option<int?>("--revision", "Deploy this existing revision instead of a new one", "--revision 3");
        var strategy = Describe.Option<string?>("--strategy", "rolling or canary; canary when --step is given, else rolling", "--strategy canary");
        var steps = Describe.Repeated("--step", "A canary step: weight in percent, then optionally ':' and a pause after it (none: wait for promote/continue)", "--step 25 --step 50:10m");
        var maxInFlight = Describe.Option<int?>("--max-in-flight", "New instances placed at a time", "--max-in-flight 2");
        var groups = Describe.Repeated("--count", "Instances of a group for this deployment, group=count", "--count web=5");
        var autoPromote = Describe.Flag("--auto-promote", "Promote a canary on its own once its steps are healthy");
        var autoRevert = Describe.Flag("--auto-revert", "Roll back to the last stable revision when the deployment fails");
        var manualHealth = Describe.Flag("--manual-health", "Take health from 'deployctl health' instead of probing instances");
        var minHealthy = Describe.Option<string?>("--min-healthy-time", "How long an instance must pass checks to count as healthy", "--min-healthy-time 10s");
        var healthyDeadline = Describe.Option<string?>("--healthy-deadline", "How long an instance may take to become healthy", "--healthy-deadline 5m");
        var progressDeadline = Describe.Option<string?>("--progress-deadline", "How long the rollout may go without progress before it fails", "--progress-deadline 10m");
        var scaleDownDelay = Describe.Option<string?>("--scale-down-delay", "How long old instances are kept after the rollout (for a quick rollback)", "--scale-down-delay 5m");
        var reason = Describe.Option<string?>("--reason", "Why, recorded on the timeline", "--reason \"release 2.1\"");
        var labels = Describe.Repeated("--label", "A label on the deployment (metadata.labels), key=value", "--label team=payments");
        var annotations = Describe.Repeated("--annotation", "An annotation on the deployment (metadata.annotations), key=value", "--annotation ticket=CHG-1");
        var analysis = new AnalysisOptions();
        var follow = new FollowOptions("Follow the rollout live until it ends, exiting with its outcome");
        command.Arguments.Add(app);
        revision.AddTo(command);
        foreach (var option in new Option[] { existing, strategy, steps, maxInFlight, groups, autoPromote, autoRevert, manualHealth, minHealthy, healthyDeadline, progressDeadline, scaleDownDelay, reason, labels, annotations })
        {
            command.Options.Add(option);
        }

        analysis.AddTo(command);
        follow.AddTo(command);
        return runner.Bind(command, async invocation =>
        {
            var canarySteps = invocation.Value(steps)!.Select(ParseStep).ToList();
            var options = new JsonObject();
            analysis.WriteTo(options, canarySteps, invocation);
            if (canarySteps.Count > 0)
            {
                options["steps"] = new JsonArray([.. canarySteps]);
            }

            Set(options, "max_in_flight", invocation.Value(maxInFlight));
            if (Pairs.Numbers(invocation.Value(groups)!, "--count") is { } counts)
            {
                options["groups"] = counts;
            }

            SetFlag(options, "auto_promote", invocation.Value(autoPromote));
            SetFlag(options, "auto_revert", invocation.Value(autoRevert));
            if (invocation.Value(manualHealth))
            {
                options["health_check"] = "manual";
            }

            Set(options, "min_healthy_time", invocation.Value(minHealthy));
            Set(options, "healthy_deadline", invocation.Value(healthyDeadline));
            Set(options, "progress_deadline", invocation.Value(progressDeadline));
            Set(options, "scale_down_delay", invocation.Value(scaleDownDelay));

            var body = new JsonObject
            {
                ["app_id"] = (await Resolve.AppAsync(invocation, invocation.Value(app))).ToString(),
                ["strategy"] = invocation.Value(strategy) ?? (canarySteps.Count > 0 ? "canary" : "rolling"),
            };
            Set(body, "revision", invocation.Value(existing));
            revision.WriteTo(body, invocation);
            if (options.Count > 0)
            {
                body["options"] = options;
            }

            Set(body, "reason", invocation.Value(reason));
            var metadata = new JsonObject();
            foreach (var (name, values, option) in new[] { ("labels", invocation.Value(labels)!, "--label"), ("annotations", invocation.Value(annotations)!, "--annotation") })
            {
                if (Pairs.Strings(values, option) is { } pairs)
                {
                    metadata[name] = pairs;
                }
            }

            if (metadata.Count > 0)
            {
                body["metadata"] = metadata;
            }

            var created = await invocation.Client.PostAsync("api/deployments", body, invocation.CancellationToken);
            return await follow.ShowAsync(invocation, created, created.Json.GetProperty("id").GetGuid());
        });
    }

    /// <summary>"25" is 25 % until promoted or continued; "50:10m" is 50 %, then on by itself after ten minutes.</summary>
    public static JsonObject ParseStep(string step)
    {
        var parts = step.Split(':', 2);
        if (!int.TryParse(parts[0].TrimEnd('%'), NumberStyles.None, CultureInfo.InvariantCulture, out var weight))
        {
            throw new UsageException($"--step takes a weight in percent, optionally with a pause (25, 50:10m), not '{step}'.");
        }

        var result = new JsonObject { ["instance_weight"] = weight };
        if (parts.Length == 2)
        {
            result["pause"] = parts[1];
        }

        return result;
    }

    public static void Set<T>(JsonObject target, string name, T? value)
    {
        if (value is not null)
        {
            target[name] = JsonValue.Create(value);
        }
    }

    private static void SetFlag(JsonObject target, string name, bool value)
    {
        if (value)
        {
            target[name] = true;
        }
    }
}
