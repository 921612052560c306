using System.Net;
using Deployments.Functions.Contract.Tests.Infrastructure;
using TestSupport;

namespace Deployments.Functions.Contract.Tests;

/// <summary>Keys never reach the logs, whichever way they are sent, with the app's default (Information) logging.</summary>
public sealed class SecretLoggingTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Keys_sent_in_the_query_header_or_a_bad_guess_do_not_appear_in_the_output()
    {
        const string adminKey = "secret-logging-admin-key-0123456789";
        const string wrongKey = "secret-logging-wrong-key-9876543210";
        await using var app = await ServerProcess.StartAsync(new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["AzureFunctionsJobHost__extensions__durableTask__hubName"] = azurite.NewHubName("logs"),
            ["Auth__AdminKey"] = adminKey,
            ["Logging__LogLevel__Default"] = "Debug",
        });
        using var client = app.Client();

        using var byQuery = await client.GetAsync($"/api/deployments?code={adminKey}");
        Assert.Equal(HttpStatusCode.OK, byQuery.StatusCode);
        using var byHeader = await app.Client(adminKey).GetAsync("/api/tokens");
        Assert.Equal(HttpStatusCode.OK, byHeader.StatusCode);
        using var guessed = await client.GetAsync($"/api/deployments?code={wrongKey}");
        Assert.Equal(HttpStatusCode.Unauthorized, guessed.StatusCode);
        // The refused guess is sent last and the console logger writes in order: once its authentication failure
        // is in the output, so is everything logged for the requests before it. Without this wait the assertions
        // below could pass on output that was simply not written yet, or not written at all.
        await app.WaitForOutputAsync("Failure message: The key is not valid.");

        Assert.DoesNotContain(adminKey, app.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongKey, app.Output, StringComparison.Ordinal);
    }
}
