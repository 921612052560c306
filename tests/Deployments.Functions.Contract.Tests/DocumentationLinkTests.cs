using Deployments.Functions.Contract.Tests.Infrastructure;

namespace Deployments.Functions.Contract.Tests;

/// <summary>
/// The README and the pages under docs/ are read in clones and on GitHub: every relative link must reach a file
/// or folder of the repository, and every #heading it names must exist. A link outside the repository (the
/// README once pointed at ../shared/DESIGN.md) is dead in every clone.
/// </summary>
public sealed class DocumentationLinkTests
{
    [Fact]
    public void Every_relative_link_in_the_readme_and_docs_reaches_a_file_of_the_repository()
    {
        var root = RepositoryRoot();
        var pages = Pages(root);
        Assert.Contains("README.md", pages);
        Assert.Contains("docs/architecture.md", pages);

        var problems = pages.SelectMany(page => MarkdownLinks.Problems(root, page, File.ReadAllText(Path.Combine(root, page)))).ToList();

        Assert.True(problems.Count == 0, "Broken documentation links:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void The_readme_links_every_page_under_docs()
    {
        var root = RepositoryRoot();
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        var linked = MarkdownLinks.Targets(readme).Select(target => target.Split('#')[0]).ToHashSet(StringComparer.Ordinal);

        var unlinked = Pages(root).Where(page => page.StartsWith("docs/", StringComparison.Ordinal) && !linked.Contains(page)).ToList();

        Assert.True(unlinked.Count == 0, "Pages under docs/ the README does not link: " + string.Join(", ", unlinked));
    }

    [Fact]
    public void A_link_out_of_the_repository_a_missing_file_and_a_missing_heading_are_each_reported()
    {
        var root = RepositoryRoot();
        const string page = """
            # Title

            ## Settings

            See [the design](../shared/DESIGN.md), [gone](docs/no-such-page.md), [here](#settings),
            [nowhere](#no-such-heading), ![a screenshot](docs/dashboard-deployments.png) and [the web](https://example.com/x.md).
            Code is not a link: `[x](../outside.md)`, nor is a block:

            ```
            [y](../outside-too.md)
            ```
            """;

        var problems = MarkdownLinks.Problems(root, "README.md", page);

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("'../shared/DESIGN.md' leaves the repository", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'docs/no-such-page.md' names docs/no-such-page.md, which does not exist", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("#no-such-heading", StringComparison.Ordinal));
    }

    [Fact]
    public void Heading_anchors_are_slugged_as_github_slugs_them()
    {
        var anchors = MarkdownLinks.Anchors("""
            # Deploying to Azure with azd
            ## After `azd up`
            ## 401 Unauthorized
            ### The seed APIs: their names and shapes, and what differs
            ## Settings
            ## Settings
            """);

        string[] expected = ["deploying-to-azure-with-azd", "after-azd-up", "401-unauthorized", "the-seed-apis-their-names-and-shapes-and-what-differs", "settings", "settings-1"];
        Assert.Equal(expected.Order(StringComparer.Ordinal), anchors.Order(StringComparer.Ordinal));
    }

    /// <summary>README.md and every Markdown page under docs/, as repository-relative paths with forward slashes.</summary>
    private static List<string> Pages(string root) =>
    [
        "README.md",
        .. Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal),
    ];

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Functions.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException($"No Functions.sln above {AppContext.BaseDirectory}.");
    }
}
