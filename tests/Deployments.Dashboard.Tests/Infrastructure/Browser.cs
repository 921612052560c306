namespace Deployments.Dashboard.Tests.Infrastructure;

/// <summary>
/// Headless Chromium from the system package (Debian's <c>chromium</c>), driven by Playwright. Playwright's
/// own browser download is never used. Without the browser the tests skip on a workstation and fail on CI
/// (CI=true), where .ci/run installs it.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? playwright;
    private IBrowser? browser;

    public IBrowser Instance
    {
        get
        {
            if (browser is null)
            {
                var missing = $"Chromium is not installed at {ChromiumPath} (apt-get install chromium).";
                Assert.False(IsCi, missing);
                Assert.Skip(missing);
            }

            return browser;
        }
    }

    private static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            return;
        }

        playwright = await Playwright.CreateAsync();
        // The sandbox needs user namespaces that containers (and root) usually lack.
        browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = ["--no-sandbox"] });
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
    }

    /// <summary>A fresh browser context (its own sessionStorage) at a width: 1280 for a desktop, 390 for a phone.</summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress, int width = 1280)
    {
        var context = await Instance.NewContextAsync(new() { BaseURL = baseAddress.ToString(), ViewportSize = new() { Width = width, Height = width > 600 ? 900 : 844 } });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }
}
