using BadInputCases = Deployments.Functions.Tests.BadInput;

namespace Deployments.Functions.Tests;

/// <summary>
/// Hundreds of malformed requests to every endpoint that takes a body: each must be refused with a 4xx
/// problem document, never a 500, and none may write anything (every row of every table, with its ETag,
/// is the same before and after).
/// </summary>
public sealed class BadInputTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly ControlPlaneServer server = fixture.Server;

    [Fact]
    public async Task MalformedBodies_AreRefusedWithProblems_AndWriteNothing()
    {
        var ids = await SetUpAsync();
        var before = await TableSnapshot.SettledAsync(server);
        var endpoints = BadInputCases.BodyEndpoints.All(ids);
        var failures = new List<string>();
        var sent = 0;

        foreach (var endpoint in endpoints)
        {
            foreach (var request in BadInputCases.MalformedBodies.For(endpoint))
            {
                using var content = new ByteArrayContent(request.Body);
                content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(request.ContentType);
                var response = await server.Api.SendAsync(endpoint.Method, request.Path, content);
                sent++;
                if ((int)response.Status is < 400 or > 499 || response.ContentType != "application/problem+json")
                {
                    failures.Add($"{endpoint.Method} {request.Path} [{request.What}]: {(int)response.Status} {response.ContentType} {Shorten(response.Body)}");
                }
            }
        }

        var after = await TableSnapshot.TakeAsync(server);
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} malformed requests were not refused with a 4xx problem:\n{string.Join("\n", failures.Take(40))}");
        Assert.True(sent >= 1000, $"only {sent} malformed requests were generated");
        Assert.Equal(24, endpoints.Select(e => $"{e.Method} {e.Path}").Distinct().Count());
        TestContext.Current.TestOutputHelper?.WriteLine($"{sent} malformed requests to {endpoints.Count} endpoint bodies; {before.Count} rows unchanged.");
        var written = before.Differences(after);
        Assert.True(written.Count == 0, $"malformed requests wrote {written.Count} rows:\n{string.Join("\n", written.Take(20))}");
    }

    /// <summary>One of everything a body can name, with the hub quiet: the one deployment has finished.</summary>
    private async Task<BadInputCases.BodyEndpoints.Ids> SetUpAsync()
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

    private static string Shorten(string body) => body.Length > 300 ? body[..300] + "…" : body;
}
