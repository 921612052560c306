using System.Net;
using System.Text.Json;
using Deployments.Functions.Contract.Tests.Infrastructure;
using TestSupport;

namespace Deployments.Functions.Contract.Tests;

/// <summary>The Durable-Functions-style instance management API, on a rollout paused at its canary step.</summary>
public sealed class OperatorApiTests(AzuriteFixture azurite)
{
    private const string Instances = "/runtime/webhooks/durabletask/instances";

    [Fact]
    public async Task Status_history_list_suspend_resume_terminate_and_purge()
    {
        await using var host = await ControlPlaneHost.StartAsync(azurite);
        var app = await host.CreateSampleAppAsync(await host.CreateLocalClusterAsync(), instances: 2);
        using var admin = host.WithKey();
        using var created = await admin.PostJsonAsync("/api/deployments", new { app_id = app.Id, strategy = "canary", options = new { steps = new[] { new { instance_weight = 50 } }, min_healthy_time = "0s" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var instanceId = $"deployment-{Guid.Parse((await created.ReadAsync()).GetProperty("id").GetString()!):N}";

        var running = await WaitForStatusAsync(admin, instanceId, "Running");
        Assert.Equal(HttpStatusCode.Accepted, running.Status);
        using (var withHistory = await admin.GetAsync($"{Instances}/{instanceId}?showHistory=true"))
        {
            var events = (await withHistory.ReadAsync()).GetProperty("historyEvents");
            Assert.Contains(events.EnumerateArray(), e => e.GetProperty("eventType").GetString() == "ExecutionStarted");
        }

        using (var history = await admin.GetAsync($"{Instances}/{instanceId}/history"))
        {
            Assert.Equal(HttpStatusCode.OK, history.StatusCode);
            Assert.NotEmpty((await history.ReadAsync()).GetProperty("historyEvents").EnumerateArray());
        }

        using (var list = await admin.GetAsync($"{Instances}?runtimeStatus=Running,Pending&instanceIdPrefix=deployment-"))
        {
            Assert.Contains((await list.ReadAsync()).EnumerateArray(), i => i.GetProperty("instanceId").GetString() == instanceId);
        }

        using (var badFilter = await admin.GetAsync($"{Instances}?runtimeStatus=Sleeping"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, badFilter.StatusCode);
        }

        using (var suspend = await admin.PostAsync($"{Instances}/{instanceId}/suspend?reason=inspect", null))
        {
            Assert.Equal(HttpStatusCode.Accepted, suspend.StatusCode);
        }

        await WaitForStatusAsync(admin, instanceId, "Suspended");
        using (var resume = await admin.PostAsync($"{Instances}/{instanceId}/resume", null))
        {
            Assert.Equal(HttpStatusCode.Accepted, resume.StatusCode);
        }

        await WaitForStatusAsync(admin, instanceId, "Running");
        using (var stillRunning = await admin.DeleteAsync($"{Instances}/{instanceId}"))
        {
            Assert.Equal(HttpStatusCode.Conflict, stillRunning.StatusCode);
        }

        using (var terminate = await admin.PostAsync($"{Instances}/{instanceId}/terminate?reason=operator", null))
        {
            Assert.Equal(HttpStatusCode.Accepted, terminate.StatusCode);
        }

        var ended = await WaitForStatusAsync(admin, instanceId, "Terminated");
        Assert.Equal(HttpStatusCode.OK, ended.Status);
        using (var again = await admin.PostAsync($"{Instances}/{instanceId}/terminate", null))
        {
            Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        }

        using (var purge = await admin.DeleteAsync($"{Instances}/{instanceId}"))
        {
            Assert.Equal(1, (await purge.ReadAsync()).GetProperty("instancesDeleted").GetInt32());
        }

        // A timer or activity result of the terminated rollout that arrives after the purge makes the Durable Task
        // Framework write the ended instance's row again (from the history it still holds in memory): the
        // operator purges again, as Durable Functions users do; what must hold is that a purge ends with it gone.
        var gone = await Polling.UntilAsync($"instance {instanceId} purged for good", async token =>
        {
            using var read = await admin.GetAsync($"{Instances}/{instanceId}", token);
            if (read.StatusCode == HttpStatusCode.OK)
            {
                using var purgeAgain = await admin.DeleteAsync($"{Instances}/{instanceId}", token);
            }

            return read.StatusCode;
        }, status => status == HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, gone);
        using var raiseUnknown = await admin.PostJsonAsync($"{Instances}/{instanceId}/raiseEvent/promote", new { });
        Assert.Equal(HttpStatusCode.NotFound, raiseUnknown.StatusCode);
    }

    private static Task<(HttpStatusCode Status, JsonElement Body)> WaitForStatusAsync(HttpClient admin, string instanceId, string status) =>
        Polling.UntilAsync($"{instanceId} to become {status}", async token =>
        {
            using var response = await admin.GetAsync($"{Instances}/{instanceId}", token);
            return (Status: response.StatusCode, Body: await response.ReadAsync());
        }, read => (int)read.Status is >= 200 and <= 299 && read.Body.GetProperty("runtimeStatus").GetString() == status, TimeSpan.FromSeconds(60));
}
