using Azure;
using Azure.Data.Tables;
using TestSupport;

namespace Deployments.Server.Tests;

/// <summary>
/// A keyed request whose process died mid-way leaves its key pending (written here as the crash leaves it,
/// after the deployment was made): a retry must be let through within seconds and resolve to that deployment.
/// </summary>
public sealed class IdempotencyAfterCrashTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly ControlPlaneServer server = fixture.Server;

    [Fact]
    public async Task RetryAfterTheFirstAttemptDied_GetsTheDeploymentThatAttemptMade_WithinSeconds()
    {
        var cluster = await server.CreateLocalClusterAsync("crashkey");
        var app = await server.CreateSampleAppAsync(cluster, "crashkey", instances: 0);
        var key = "crash-" + Guid.NewGuid().ToString("N");
        var body = new Dictionary<string, object> { ["app_id"] = app, ["options"] = Scenario.FastOptions() };
        var made = (await server.Api.PostAsync("/api/deployments", body, key)).Expect(HttpStatusCode.Created).GetProperty("id").GetGuid();
        await RewindToPendingAsync(made);

        var retried = await Polling.UntilAsync("the dead attempt's key to be released",
            async _ => await server.Api.PostAsync("/api/deployments", body, key),
            response => response.Status != HttpStatusCode.Conflict, TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(500));

        Assert.Equal(made, retried.Expect(HttpStatusCode.Created).GetProperty("id").GetGuid());
        Assert.Single((await server.Api.GetAsync($"/api/deployments?app_id={app}")).Expect(HttpStatusCode.OK).GetProperty("deployments").EnumerateArray());
        await server.WaitForStatusAsync(made, "successful");
    }

    /// <summary>The key's row as the process left it when it died after the deployment was made: pending, just renewed.</summary>
    private async Task RewindToPendingAsync(Guid deploymentId)
    {
        var table = new TableServiceClient(server.ConnectionString).GetTableClient(server.HubName + "Idempotency");
        await foreach (var row in table.QueryAsync<TableEntity>(r => r.GetString("State") == "done"))
        {
            if (row.GetString("Location")?.Contains(deploymentId.ToString(), StringComparison.OrdinalIgnoreCase) == true)
            {
                await table.UpdateEntityAsync(new TableEntity(row.PartitionKey, row.RowKey) { ["State"] = "pending", ["StartedAt"] = DateTimeOffset.UtcNow },
                    ETag.All, TableUpdateMode.Merge);
                return;
            }
        }

        Assert.Fail($"No idempotency record names deployment {deploymentId}.");
    }
}
