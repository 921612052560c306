using Deployments.Dashboard.Tests.Infrastructure;

namespace Deployments.Dashboard.Tests;

/// <summary>The API reference page at /api/docs: it opens without a key, takes the key the user enters, and calls the API with it.</summary>
public sealed class ApiDocsTests(ServerFixture fixture, Browser browser) : IClassFixture<ServerFixture>
{
    private readonly ControlPlaneServer server = fixture.Server;

    [Fact]
    public async Task The_reference_page_opens_and_calls_the_api_with_the_key_the_user_enters()
    {
        var key = server.AdminKey();
        var page = await browser.NewPageAsync(server.BaseAddress);
        var elsewhere = new List<string>();
        page.Request += (_, request) =>
        {
            var url = new Uri(request.Url);
            if (url.Scheme is "http" or "https" or "ws" or "wss" && url.Host != server.BaseAddress.Host)
            {
                elsewhere.Add(request.Url);
            }
        };
        try
        {
            await page.GotoAsync("/api/docs#tag/clusters/GET/api/clusters");
            var operation = page.Locator("[id$='tag/clusters/GET/api/clusters']").First;
            await operation.GetByRole(AriaRole.Button, new() { Name = "Test Request" }).ClickAsync();
            // The request client's Authentication box: the key scheme's value, as a user types it.
            await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Send") }).First.WaitForAsync();
            await page.GetByLabel("Value", new() { Exact = true }).First.FillAsync(key);

            var response = page.WaitForResponseAsync(r => r.Url.EndsWith("/api/clusters", StringComparison.Ordinal) && r.Request.Method == "GET");
            await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Send") }).First.ClickAsync();
            var answered = await response;

            Assert.Equal(200, answered.Status);
            Assert.Equal(key, await answered.Request.HeaderValueAsync("x-functions-key"));
            // The page works offline and tells no third party who reads it (no CDN fonts, no telemetry).
            Assert.Empty(elsewhere);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots.Directory, "api-docs-1280.png") });
        }
        catch
        {
            // What the page looked like, for whoever reads the failure.
            await File.WriteAllTextAsync(Path.Combine(Screenshots.Directory, "api-docs-failed.html"), await page.ContentAsync());
            await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots.Directory, "api-docs-failed.png") });
            throw;
        }
    }
}
