namespace Deployments.Dashboard.Tests.Infrastructure;

/// <summary>What a user does in the dashboard, and what every page must be: labelled, and no wider than the screen.</summary>
public static class DashboardSteps
{
    /// <summary>Long enough for a real rollout of the sample service to reach its next state.</summary>
    public static readonly float RolloutTimeout = (float)Scenario.DefaultTimeout.TotalMilliseconds;

    public static string AdminKey(this ControlPlaneServer server) => server.Http.DefaultRequestHeaders.GetValues("x-functions-key").Single();

    public static async Task SignInAsync(this IPage page, string key, string at = "/")
    {
        await page.GotoAsync(at);
        await page.GetByLabel("Key or token").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Sections" })).ToBeVisibleAsync();
    }

    /// <summary>Clicks a command's button and confirms it in the dialog, with a reason when the command takes one.</summary>
    public static async Task CommandAsync(this IPage page, string label, string? reason = null)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = label, Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToBeVisibleAsync();
        if (reason is not null)
        {
            await dialog.GetByLabel("Reason").FillAsync(reason);
        }

        await dialog.GetByRole(AriaRole.Button, new() { Name = label, Exact = true }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
    }

    /// <summary>Every visible input, select and button has an accessible name (a label, or its text for a button).</summary>
    public static async Task AssertEveryControlLabelledAsync(this IPage page)
    {
        var unlabelled = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('input, select, textarea, button')]
              .filter(c => c.offsetParent !== null)
              .filter(c => c.tagName === 'BUTTON' ? !c.textContent.trim() && !c.getAttribute('aria-label') : c.labels.length === 0 && !c.getAttribute('aria-label'))
              .map(c => c.outerHTML)
            """);
        Assert.True(unlabelled.Length == 0, "Controls without a label: " + string.Join(", ", unlabelled));
    }

    /// <summary>Nothing makes the page scroll sideways at this width.</summary>
    public static async Task AssertFitsWidthAsync(IPage page, int width)
    {
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"The page is {scrollWidth} px wide at a {width} px viewport.");
    }
}
