using System.CommandLine;

namespace Deployments.Cli.CommandLine;

internal enum OutputFormat
{
    Table,
    Json,
}

/// <summary>The options every command takes: where the control plane is, which key to present, and how to print.</summary>
internal sealed class GlobalOptions
{
    public Option<string?> Url { get; } = Recursive(Describe.Option<string?>("--url", "The control plane's base URL; else DEPLOYCTL_URL, the profile, or http://localhost:7071", "--url https://deploy.example.com"));

    public Option<string?> Key { get; } = Recursive(Describe.Option<string?>("--key", "The admin key or a scoped token; else DEPLOYCTL_KEY or the profile", "--key cpt_1a2b_..."));

    public Option<string?> Profile { get; } = Recursive(Describe.Option<string?>("--profile", "A profile saved by 'deployctl login'; else DEPLOYCTL_PROFILE or the last one logged in to", "--profile staging"));

    public Option<string?> Namespace { get; } = Recursive(Describe.Option<string?>("--namespace", "The namespace of apps, environments, pipelines and subscriptions ('default' when absent)", "-n payments", "-n"));

    public Option<OutputFormat> Output { get; } = Recursive(new Option<OutputFormat>("--output", "-o")
    {
        Description = "table for people, json for scripts (the API's JSON as sent) (e.g. -o json)",
        HelpName = "table|json",
    });

    public void AddTo(RootCommand root)
    {
        root.Options.Add(Url);
        root.Options.Add(Key);
        root.Options.Add(Profile);
        root.Options.Add(Namespace);
        root.Options.Add(Output);
    }

    private static Option<T> Recursive<T>(Option<T> option)
    {
        option.Recursive = true;
        return option;
    }
}
