using System.Net;
using System.Text;
using Deployments.Functions.Contract.Tests.Infrastructure;
using TestSupport;

namespace Deployments.Functions.Contract.Tests;

/// <summary>
/// The custom-handler contract for queue triggers, end to end: the handler runs as the Functions host runs
/// it (its own process, FUNCTIONS_CUSTOMHANDLER_PORT, no workers), and only the documented invocations,
/// POSTed over a socket for the messages on the queues named in function.json, move a rollout along.
/// </summary>
public sealed class QueueFunctionContractTests(AzuriteFixture azurite)
{
    /// <summary>The hub function.json's literal queue names belong to (host.json's hubName).</summary>
    private const string HubFromHostJson = "ControlPlane";

    private const string AdminKey = "queue-contract-admin-key-0123456789";

    [Fact]
    public async Task Queue_invocations_drive_a_rollout_to_success_and_answer_the_documented_response()
    {
        var connection = azurite.ConnectionString;
        await using var domain = new DomainServices(connection, HubFromHostJson);
        await using var handler = await HandlerProcess.StartAsync(new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = connection,
            ["Auth__AdminKey"] = AdminKey,
        });
        await using var host = new FunctionsHostEmulator(connection, handler.BaseAddress);
        using var client = handler.Client(AdminKey);
        var app = await domain.CreateSampleAppAsync();

        using var created = await client.PostJsonAsync("/api/deployments", new { app_id = app.Id, strategy = "rolling", options = new { min_healthy_time = "0s", healthy_deadline = "30s" } });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync() + handler.Output);
        var id = (await created.ReadAsync()).GetProperty("id").GetString();

        var deadline = DateTime.UtcNow.AddSeconds(120);
        string? status = null;
        while (DateTime.UtcNow < deadline && status is not ("successful" or "failed" or "cancelled"))
        {
            await Task.Delay(200);
            using var read = await client.GetAsync($"/api/deployments/{id}");
            var deployment = await read.ReadAsync();
            Assert.True(read.StatusCode == HttpStatusCode.OK, $"{read.StatusCode}: {deployment}");
            // The domain's JSON leaves out default values, so a pending deployment carries no status field.
            status = deployment.TryGetProperty("status", out var value) ? value.GetString() : "pending";
        }

        Assert.True(status == "successful", $"status {status}; handler output:\n{handler.Output}");
        var invocations = host.Invocations;
        Assert.Contains(invocations, i => i.Function.StartsWith("ControlQueue", StringComparison.Ordinal));
        Assert.Contains(invocations, i => i.Function == "WorkItemQueue");
        Assert.All(invocations, i =>
        {
            Assert.Equal(HttpStatusCode.OK, i.Status);
            Assert.Empty(i.Body.GetProperty("Outputs").EnumerateObject());
            Assert.NotEmpty(i.Body.GetProperty("Logs").EnumerateArray());
            Assert.Equal(System.Text.Json.JsonValueKind.Null, i.Body.GetProperty("ReturnValue").ValueKind);
        });

        var instanceId = $"deployment-{Guid.Parse(id!):N}";
        using var instance = await client.GetAsync($"/runtime/webhooks/durabletask/instances/{instanceId}");
        Assert.Equal(instanceId, (await instance.ReadAsync()).GetProperty("instanceId").GetString());
    }

    [Fact]
    public async Task A_malformed_invocation_is_refused_so_the_host_retries_it_and_the_message_is_untouched()
    {
        await using var handler = await HandlerProcess.StartAsync(new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["AzureFunctionsJobHost__extensions__durableTask__hubName"] = azurite.NewHubName("bad"),
            ["Auth__AdminKey"] = AdminKey,
        });
        using var client = handler.Client();

        using var response = await client.PostAsync("/WorkItemQueue", new StringContent("""{"Data":{}}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var logs = (await response.ReadAsync()).GetProperty("Logs");
        Assert.Contains("malformed", logs[0].GetString(), StringComparison.Ordinal);

        // Self-hosted, nothing answers on these routes: only the Functions host may deliver engine messages.
        using var missing = await client.PostAsync("/NoSuchFunction", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.NotEqual(HttpStatusCode.OK, missing.StatusCode);
    }
}
