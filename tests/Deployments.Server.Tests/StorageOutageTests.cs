using DevStorage;
using TestSupport;

namespace Deployments.Server.Tests;

/// <summary>Storage gone: reads and commands are told to retry (503), never answered with a 500.</summary>
public sealed class StorageOutageTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ReadsAndCommands_WhenStorageIsUnreachable_Answer503WithRetryAfter()
    {
        // An emulator of its own: this test stops it.
        var storage = await AzuriteProcess.StartAsync(new AzuriteOptions(), CancellationToken.None);
        try
        {
            await using var server = await ControlPlaneServer.StartAsync(storage.ConnectionString, azurite.NewHubName("outage"));
            var cluster = await server.CreateLocalClusterAsync();
            var app = await server.CreateSampleAppAsync(cluster, "shop", instances: 0);

            await storage.DisposeAsync();

            foreach (var response in new[]
            {
                await server.Api.GetAsync("/api/deployments"),
                await server.Api.GetAsync($"/api/apps/{app}"),
                await server.Api.PostAsync("/api/deployments", new { app_id = app, strategy = "rolling" }),
                await server.Api.PostAsync($"/api/deployments/{Guid.NewGuid()}/cancel"),
            })
            {
                var problem = response.IsProblem(HttpStatusCode.ServiceUnavailable);
                Assert.Equal("Storage unavailable", problem.GetProperty("title").GetString());
                Assert.True(int.TryParse(response.Header("Retry-After"), out var seconds) && seconds > 0, response.ToString());
            }
        }
        finally
        {
            await storage.DisposeAsync();
        }
    }
}
