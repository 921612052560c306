namespace Deployments.Dashboard.Tests.Infrastructure;

/// <summary>Full-page screenshots into the test output (screenshots/NAME-WIDTH.png); the ones in docs/ are copied from there.</summary>
public static class Screenshots
{
    public static string Directory { get; } = System.IO.Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    /// <summary>
    /// Writes a screenshot into the repository's docs/ (found by walking up to Functions.sln) for the docs to embed,
    /// and a copy beside the others. Tests call it last, so only a passing test replaces the picture.
    /// </summary>
    public static async Task SaveToDocsAsync(byte[] png, string pathUnderDocs)
    {
        await File.WriteAllBytesAsync(Path.Combine(Directory, Path.GetFileName(pathUnderDocs)), png);
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Functions.sln")))
        {
            root = root.Parent;
        }

        if (root is null)
        {
            return;
        }

        var target = Path.Combine(root.FullName, "docs", pathUnderDocs);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await File.WriteAllBytesAsync(target, png);
    }

    /// <summary>Takes the page at 1280 and at 390 px wide, and returns to the width it had.</summary>
    public static async Task TakeAtBothWidthsAsync(IPage page, string name)
    {
        var original = page.ViewportSize;
        foreach (var (width, height) in new[] { (1280, 900), (390, 844) })
        {
            await page.SetViewportSizeAsync(width, height);
            await DashboardSteps.AssertFitsWidthAsync(page, width);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Directory, $"{name}-{width}.png"), FullPage = true });
        }

        if (original is not null)
        {
            await page.SetViewportSizeAsync(original.Width, original.Height);
        }
    }
}
