using System.Text.Json.Nodes;

namespace Deployments.Server.Tests.BadInput;

/// <summary>Every endpoint of the API that takes a body, each with a well-shaped body naming real resources.</summary>
public static class BodyEndpoints
{
    public sealed record Ids(Guid Cluster, Guid OtherCluster, Guid App, Guid OtherApp, Guid Deployment, Guid Pipeline, Guid Subscription, string Environment);

    private const string BadId = "not-a-uuid";

    public static IReadOnlyList<BodyEndpoint> All(Ids ids)
    {
        var revision = Json("""
            {"artifact": {"command": "dotnet", "args": ["sample.dll"]}, "config": {"LOG": "debug"},
             "environment": {"VERSION": {"value": "v9"}, "TOKEN": {"secret_ref": "vault:token"}},
             "resources": {"cpu": 0.5, "memory_mb": 128, "disk_mb": 64, "storage_mb": 0, "port": 8080, "volumes": ["data"]}, "health_path": "/health"}
            """);
        string[] revisionMaps = ["config", "environment"];
        string[] revisionNeverNull = ["resources.cpu", "resources.memory_mb", "resources.disk_mb", "resources.storage_mb", "resources.volumes"];
        var options = """
            {"max_in_flight": 2, "groups": {"web": 0}, "steps": [{"instance_weight": 50, "pause": "10s"}], "auto_promote": false, "auto_revert": true,
             "health_check": "checks", "min_healthy_time": "1s", "healthy_deadline": "10s", "progress_deadline": "20s", "scale_down_delay": "0s"}
            """;
        string[] optionsNeverNull = ["options.max_in_flight", "options.steps", "options.auto_promote", "options.auto_revert", "options.health_check",
            "options.min_healthy_time", "options.healthy_deadline", "options.progress_deadline", "options.scale_down_delay", "options.steps[0].instance_weight"];
        var deployment = $"/api/deployments/{ids.Deployment}";
        var badDeployment = $"/api/deployments/{BadId}";

        return
        [
            new(HttpMethod.Post, "/api/clusters", Json("""{"name": "bad-input", "region": "r", "kind": "shared", "driver": "process", "driver_settings": {"stateDirectory": "/tmp/none"}}"""))
            {
                Maps = Set("driver_settings"), Enums = Set("kind"), Required = Set("name", "region", "driver"), NeverNull = Set("kind"),
            },
            new(HttpMethod.Patch, $"/api/clusters/{ids.Cluster}", Json("""{"name": "renamed", "region": "r2", "kind": "dedicated", "driver_settings": {"k": "v"}}"""))
            {
                Maps = Set("driver_settings"), Enums = Set("kind"), PathWithBadId = $"/api/clusters/{BadId}",
            },
            new(HttpMethod.Post, "/api/environments", Json($$"""{"name": "qa", "namespace": "default", "cluster_id": "{{ids.Cluster}}", "order": 1, "requires_approval": false, "approval_expiry": "1h"}"""))
            {
                Required = Set("name", "cluster_id"), NeverNull = Set("order", "requires_approval"),
            },
            new(HttpMethod.Patch, $"/api/environments/{ids.Environment}", Json($$"""{"cluster_id": "{{ids.Cluster}}", "order": 2, "requires_approval": true, "approval_expiry": "2h"}""")),
            new(HttpMethod.Post, $"/api/environments/{ids.Environment}/promote", Json($$"""{"deployment_id": "{{ids.Deployment}}", "scale_down_previous_deployment": true}"""))
            {
                Required = Set("deployment_id"), NeverNull = Set("scale_down_previous_deployment"),
            },
            new(HttpMethod.Post, "/api/apps", With(Json($$"""
                {"name": "newcomer", "namespace": "default", "cluster_id": "{{ids.Cluster}}", "groups": {"web": 1}, "environment": "prod",
                 "labels": {"team": "a"}, "annotations": {"note": "b"} }
                """), "revision", revision))
            {
                Maps = Set(["groups", "labels", "annotations", .. revisionMaps.Select(m => $"revision.{m}")]),
                Required = Set("name", "cluster_id", "groups"),
                NeverNull = Set([.. revisionNeverNull.Select(f => $"revision.{f}"), "revision.artifact.args"]),
            },
            new(HttpMethod.Patch, $"/api/apps/{ids.App}", Json("""{"groups": {"web": 0}, "environment": "prod", "labels": {"a": "b"}, "annotations": {"c": "d"}}"""))
            {
                Maps = Set("groups", "labels", "annotations"), PathWithBadId = $"/api/apps/{BadId}",
            },
            new(HttpMethod.Post, $"/api/apps/{ids.App}/revisions", (JsonObject)revision.DeepClone())
            {
                Maps = Set(revisionMaps), Required = Set("artifact"), NeverNull = Set([.. revisionNeverNull, "artifact.args"]), PathWithBadId = $"/api/apps/{BadId}/revisions",
            },
            new(HttpMethod.Post, $"/api/apps/{ids.App}/rollback", Json("""{"revision": 1, "reason": "undo"}""")) { PathWithBadId = $"/api/apps/{BadId}/rollback" },
            new(HttpMethod.Post, "/api/pipelines", Json($$"""{"name": "flow", "namespace": "default", "stages": [["{{ids.App}}"], ["{{ids.OtherApp}}"]]}"""))
            {
                Required = Set("name", "stages"),
            },
            new(HttpMethod.Patch, $"/api/pipelines/{ids.Pipeline}", Json($$"""{"name": "renamed", "stages": [["{{ids.App}}"], ["{{ids.OtherApp}}"]]}"""))
            {
                PathWithBadId = $"/api/pipelines/{BadId}",
            },
            new(HttpMethod.Post, $"/api/pipelines/{ids.Pipeline}/promote", Json($$"""{"source_app_id": "{{ids.App}}", "target_app_ids": ["{{ids.OtherApp}}"]}"""))
            {
                Required = Set("source_app_id"), PathWithBadId = $"/api/pipelines/{BadId}/promote",
            },
            new(HttpMethod.Post, "/api/subscriptions", Json("""{"namespace": "hooks", "url": "https://hooks.example.test/x", "secret": "0123456789abcdef0123"}"""))
            {
                Required = Set("url", "secret"),
            },
            new(HttpMethod.Patch, $"/api/subscriptions/{ids.Subscription}?namespace=hooks", Json("""{"url": "https://hooks.example.test/y", "secret": "fedcba9876543210fedcba"}"""))
            {
                PathWithBadId = $"/api/subscriptions/{BadId}?namespace=hooks",
            },
            new(HttpMethod.Post, "/api/deployments", With(With(Json($$"""{"app_id": "{{ids.App}}", "strategy": "canary", "revision": 1, "reason": "ship it"}"""), "options", Json(options)),
                "metadata", Json("""{"labels": {"team": "payments"}, "annotations": {"ticket": "CHG-1"}}""")))
            {
                Maps = Set("options.groups", "metadata.labels", "metadata.annotations"), Enums = Set("strategy", "options.health_check"), Required = Set("app_id"),
                NeverNull = Set(["strategy", .. optionsNeverNull]),
            },
            new(HttpMethod.Post, "/api/deployments", Merge(Json($$"""{"app_id": "{{ids.App}}", "strategy": "rolling"}"""), revision))
            {
                Maps = Set(revisionMaps), Enums = Set("strategy"), Required = Set("app_id"), NeverNull = Set([.. revisionNeverNull, "artifact.args"]),
            },
            new(HttpMethod.Post, $"{deployment}/promote", Json("""{"groups": ["web"]}""")) { PathWithBadId = $"{badDeployment}/promote" },
            new(HttpMethod.Post, $"{deployment}/promote", Json("""{"all": true}""")),
            new(HttpMethod.Post, $"{deployment}/continue", Json("{}")) { PathWithBadId = $"{badDeployment}/continue" },
            new(HttpMethod.Post, $"{deployment}/pause", Json("""{"pause": true}""")) { NeverNull = Set("pause"), PathWithBadId = $"{badDeployment}/pause" },
            new(HttpMethod.Post, $"{deployment}/fail", Json("""{"reason": "broken"}""")) { PathWithBadId = $"{badDeployment}/fail" },
            new(HttpMethod.Post, $"{deployment}/cancel", Json("""{"reason": "broken"}""")) { PathWithBadId = $"{badDeployment}/cancel" },
            new(HttpMethod.Post, $"{deployment}/approve", Json("""{"reason": "fine"}""")) { PathWithBadId = $"{badDeployment}/approve" },
            new(HttpMethod.Post, $"{deployment}/reject", Json("""{"reason": "no"}""")) { PathWithBadId = $"{badDeployment}/reject" },
            new(HttpMethod.Post, $"{deployment}/allocation-health", Json($$"""{"healthy_allocation_ids": ["{{Guid.NewGuid()}}"], "unhealthy_allocation_ids": ["{{Guid.NewGuid()}}"]}"""))
            {
                PathWithBadId = $"{badDeployment}/allocation-health",
            },
            new(HttpMethod.Post, $"{deployment}/promote-to-cluster", With(Json($$"""{"target_cluster_id": "{{ids.OtherCluster}}", "new_name": "copy", "delete_source": false}"""), "overrides",
                With((JsonObject)revision.DeepClone(), "groups", Json("""{"web": 0}"""))))
            {
                Maps = Set(["overrides.groups", .. revisionMaps.Select(m => $"overrides.{m}")]),
                Required = Set("target_cluster_id"),
                NeverNull = Set("delete_source", "overrides.artifact.args"),
                PathWithBadId = $"{badDeployment}/promote-to-cluster",
            },
            new(HttpMethod.Post, $"{deployment}/promote-to-cluster", With(Json($$"""{"target_cluster_id": "{{ids.OtherCluster}}", "delete_source": false}"""), "overrides", Json("""
                {"name": "copy", "replicas": 2, "docker_image": "registry.test/app:2", "container_port": 8080, "cpu_request": 0.5, "memory_request_mb": 256,
                 "storage_size_gb": 1, "environment_variables": [{"name": "VERSION", "value": "v2"}, {"name": "TOKEN", "secret_ref": "vault:token"}]}
                """)))
            {
                Required = Set("target_cluster_id"), NeverNull = Set("delete_source"),
            },
        ];
    }

    /// <summary>One of everything a body can name, with the hub quiet: the one deployment has finished.</summary>
    public static async Task<Ids> SetUpAsync(ControlPlaneServer server)
    {
        var cluster = await server.CreateLocalClusterAsync();
        var otherCluster = await server.CreateLocalClusterAsync("other");
        var app = await server.CreateSampleAppAsync(cluster, "target", instances: 0);
        var otherApp = await server.CreateSampleAppAsync(cluster, "bystander", instances: 0);
        var deployment = (await server.DeploySuccessfullyAsync(app)).GetProperty("id").GetGuid();
        (await server.Api.PostAsync("/api/environments", new { name = "prod", cluster_id = cluster })).Expect(HttpStatusCode.Created);
        var pipeline = (await server.Api.PostAsync("/api/pipelines", new { name = "flow", stages = new[] { new[] { app }, new[] { otherApp } } })).Expect(HttpStatusCode.Created).GetProperty("id").GetGuid();
        // In a namespace with no deployments, so no notification is ever sent (and written) during the run.
        var subscription = (await server.Api.PostAsync("/api/subscriptions", new { @namespace = "hooks", url = "https://hooks.example.test/x", secret = "0123456789abcdef0123" }))
            .Expect(HttpStatusCode.Created).GetProperty("id").GetGuid();
        return new(cluster, otherCluster, app, otherApp, deployment, pipeline, subscription, "prod");
    }

    private static JsonObject Json(string text) => JsonNode.Parse(text)!.AsObject();

    private static JsonObject With(JsonObject body, string field, JsonObject value)
    {
        body[field] = value.DeepClone();
        return body;
    }

    private static JsonObject Merge(JsonObject body, JsonObject more)
    {
        foreach (var (field, value) in more)
        {
            body[field] = value?.DeepClone();
        }

        return body;
    }

    private static HashSet<string> Set(params IEnumerable<string> values) => [.. values];
}
