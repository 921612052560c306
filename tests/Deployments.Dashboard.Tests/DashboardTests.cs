using System.Text.RegularExpressions;
using Deployments.Dashboard.Tests.Infrastructure;

namespace Deployments.Dashboard.Tests;

/// <summary>
/// The dashboard in a real browser against the self-host, with real canaries of the sample service on the
/// process driver: signing in, following a rollout live, commanding it, and what a read-only token sees.
/// </summary>
public sealed class DashboardTests(ServerFixture fixture, Browser browser) : IClassFixture<ServerFixture>
{
    private const string RequiresPromotion = "requires manual promotion";
    private readonly ControlPlaneServer server = fixture.Server;

    [Fact]
    public async Task A_canary_is_followed_live_from_start_to_success_and_promoted_with_the_button()
    {
        var page = await browser.NewPageAsync(server.BaseAddress);
        await page.SignInAsync(server.AdminKey());
        var id = await StartCanaryAsync("storefront");

        await page.GotoAsync($"/#/deployments/{id}");
        var description = page.Locator("#status-description");
        await Expect(description).ToContainTextAsync(RequiresPromotion, new() { Timeout = DashboardSteps.RolloutTimeout });
        await Expect(page.Locator(".step.current .weight")).ToHaveTextAsync("50%");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Allocations" }).GetByText("canary", new() { Exact = true })).ToHaveCountAsync(1);
        await page.AssertEveryControlLabelledAsync();
        await Screenshots.TakeAtBothWidthsAsync(page, "deployment-waiting");

        await page.CommandAsync("Promote all");

        await Expect(page.Locator("#summary")).ToHaveAttributeAsync("data-status", "successful", new() { Timeout = DashboardSteps.RolloutTimeout });
        await Expect(description).ToHaveTextAsync("Deployment completed successfully");
        var timeline = page.GetByRole(AriaRole.List).Filter(new() { Has = page.Locator("time") });
        await Expect(timeline).ToContainTextAsync(new Regex("admin\\s+promote", RegexOptions.IgnoreCase));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Promote all" })).ToHaveCountAsync(0);
        await Screenshots.TakeAtBothWidthsAsync(page, "deployment");

        await page.GotoAsync("/#/deployments");
        var list = page.GetByRole(AriaRole.Table, new() { Name = "Deployments" });
        await Expect(list.GetByRole(AriaRole.Link, new() { Name = id.ToString()[..8] })).ToBeVisibleAsync();
        await page.AssertEveryControlLabelledAsync();
        await Screenshots.TakeAtBothWidthsAsync(page, "deployments");

        await page.GetByLabel("Status").SelectOptionAsync("failed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(page.GetByText("No deployments match.")).ToBeVisibleAsync();
        await page.GetByLabel("Id prefix").FillAsync("abc");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("prefix");
    }

    [Fact]
    public async Task A_command_the_api_refuses_shows_the_api_message_next_to_its_button()
    {
        var id = await StartCanaryAsync("checkout");
        await server.WaitForAsync(id, d => d.GetProperty("status_description").GetString()!.Contains(RequiresPromotion, StringComparison.Ordinal), "waiting for promotion");
        var page = await browser.NewPageAsync(server.BaseAddress);
        await page.SignInAsync(server.AdminKey());
        await page.GotoAsync("/#/attention");
        var waiting = page.GetByRole(AriaRole.Table, new() { Name = "Canaries waiting for promotion" });
        await Expect(waiting.GetByRole(AriaRole.Link, new() { Name = id.ToString()[..8] })).ToBeVisibleAsync();
        await Screenshots.TakeAtBothWidthsAsync(page, "attention");

        // Someone else cancels it while this page has not heard yet (its blocking reads are held back).
        await page.RouteAsync(new Regex($"/api/deployments/{id}\\?index="), _ => Task.CompletedTask);
        await page.GotoAsync($"/#/deployments/{id}");
        await Expect(page.Locator("#status-description")).ToContainTextAsync(RequiresPromotion);
        (await server.Api.PostAsync($"/api/deployments/{id}/cancel", new { reason = "superseded by a hotfix" })).Expect(HttpStatusCode.OK);
        await server.WaitForStatusAsync(id, "cancelled");

        await page.CommandAsync("Promote all");

        var refusal = (await server.Api.PostAsync($"/api/deployments/{id}/promote")).IsProblem(HttpStatusCode.Conflict).GetProperty("detail").GetString()!;
        var shown = page.Locator(".command").Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Promote all" }) }).GetByRole(AriaRole.Alert);
        await Expect(shown).ToContainTextAsync(refusal);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Promote all" })).ToBeFocusedAsync();
    }

    [Fact]
    public async Task A_read_only_token_sees_deployments_and_what_needs_attention_but_no_command_buttons()
    {
        var id = await StartCanaryAsync("catalog");
        await server.WaitForAsync(id, d => d.GetProperty("status_description").GetString()!.Contains(RequiresPromotion, StringComparison.Ordinal), "waiting for promotion");
        var token = (await server.Api.PostAsync("/api/tokens", new { name = "viewer", capabilities = new[] { "read" } }))
            .Expect(HttpStatusCode.Created).GetProperty("token").GetString()!;
        var page = await browser.NewPageAsync(server.BaseAddress, width: 390);

        await page.SignInAsync(token);

        await Expect(page.Locator("#identity")).ToContainTextAsync("viewer · read");
        await page.GotoAsync($"/#/deployments/{id}");
        await Expect(page.Locator("#status-description")).ToContainTextAsync(RequiresPromotion);
        await Expect(page.Locator("#commands-unavailable")).ToContainTextAsync("this needs 'submit'");
        await Expect(page.Locator("#commands").GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await page.GotoAsync("/#/apps");
        await page.GetByRole(AriaRole.Link, new() { Name = "catalog" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Revisions" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Roll back") })).ToHaveCountAsync(0);
        await page.GotoAsync("/#/environments");
        await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Promote") })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_wrong_key_is_refused_at_sign_in_with_the_api_message_and_nothing_is_shown()
    {
        var page = await browser.NewPageAsync(server.BaseAddress);
        await page.GotoAsync("/api/dashboard");

        await page.GetByLabel("Key or token").FillAsync("not-the-key");
        await page.GetByLabel("Key or token").PressAsync("Enter");

        await Expect(page.Locator("#sign-in-form").GetByRole(AriaRole.Alert)).ToContainTextAsync("The key was refused");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Sections" })).ToBeHiddenAsync();
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('deployments.key')"));
    }

    /// <summary>A two-instance canary (50 % then 100 %) of the sample service, on a cluster and app of its own.</summary>
    [Fact]
    public async Task Canary_step_cards_follow_what_the_rollout_will_do_for_every_shape_of_steps()
    {
        var shapes = new (string App, Dictionary<string, object> Options, string[] Cards)[]
        {
            ("one-step", Scenario.FastOptions(new { instance_weight = 34 }), ["34% then wait for promotion", "100% full rollout"]),
            ("timed", Scenario.FastOptions(new { instance_weight = 34, pause = "10m" }), ["34% then pause 10m", "100% full rollout"]),
            ("to-full", Scenario.FastOptions(new { instance_weight = 50 }, new { instance_weight = 100 }), ["50% then wait for promotion", "100% full rollout"]),
            ("automatic", WithAutoPromote(Scenario.FastOptions(new { instance_weight = 25 }, new { instance_weight = 50 })), ["25% then continue", "50% then continue", "100% full rollout"]),
        };
        var page = await browser.NewPageAsync(server.BaseAddress);
        await page.SignInAsync(server.AdminKey());

        foreach (var (name, options, cards) in shapes)
        {
            var app = await server.CreateSampleAppAsync(await server.CreateLocalClusterAsync($"steps-{name}"), $"steps-{name}", instances: 0);
            var id = (await server.Api.PostAsync("/api/deployments", new { app_id = app, strategy = "canary", options })).Expect(HttpStatusCode.Created).GetProperty("id").GetGuid();

            await page.GotoAsync($"/#/deployments/{id}");

            var steps = page.Locator(".steps .step");
            await Expect(steps.Locator(".weight")).ToHaveTextAsync([.. cards.Select(card => card.Split(' ')[0])]);
            await Expect(steps.Locator(".then")).ToHaveTextAsync([.. cards.Select(card => card[(card.IndexOf(' ', StringComparison.Ordinal) + 1)..])]);
        }
    }

    private static Dictionary<string, object> WithAutoPromote(Dictionary<string, object> options)
    {
        options["auto_promote"] = true;
        return options;
    }

    private async Task<Guid> StartCanaryAsync(string name)
    {
        var app = await server.CreateSampleAppAsync(await server.CreateLocalClusterAsync(name), name, instances: 2);
        return (await server.Api.PostAsync("/api/deployments", new
        {
            app_id = app,
            strategy = "canary",
            options = Scenario.FastOptions(new { instance_weight = 50 }, new { instance_weight = 100 }),
            reason = "new checkout flow",
        })).Expect(HttpStatusCode.Created).GetProperty("id").GetGuid();
    }
}
