using System.CommandLine;
using Deployments.Cli.Commands;
using Deployments.Cli.CommandLine;

namespace Deployments.Cli;

/// <summary>deployctl: builds the command tree and runs one command line.</summary>
internal static class DeployCtl
{
    public static RootCommand Build(CliEnvironment environment)
    {
        var globals = new GlobalOptions();
        var runner = new Runner(environment, globals);
        var root = new RootCommand($"deployctl: roll out, watch, promote and roll back deployments on the control plane. {ExitCodes.Summary}");
        globals.AddTo(root);
        root.Subcommands.Add(LoginCommands.Login(runner));
        root.Subcommands.Add(LoginCommands.Logout(runner));
        root.Subcommands.Add(DeployCommand.Create(runner));
        foreach (var command in DeploymentReadCommands.Create(runner).Concat(DeploymentControlCommands.Create(runner)))
        {
            root.Subcommands.Add(command);
        }

        root.Subcommands.Add(AnalysisCommand.Create(runner));
        root.Subcommands.Add(PromotionCommands.Rollback(runner));
        root.Subcommands.Add(PromotionCommands.PromoteToCluster(runner));
        root.Subcommands.Add(AppCommands.Create(runner));
        root.Subcommands.Add(ClusterCommands.Create(runner));
        root.Subcommands.Add(EnvironmentCommands.Create(runner));
        root.Subcommands.Add(PipelineCommands.Create(runner));
        root.Subcommands.Add(SubscriptionCommands.Create(runner));
        root.Subcommands.Add(AnalysisTemplateCommands.Create(runner));
        root.Subcommands.Add(TokenCommands.Create(runner));
        return root;
    }

    /// <summary>Parses and runs; a malformed command line exits 2 with the parser's messages on stderr.</summary>
    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        var parse = Build(environment).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await environment.Error.WriteLineAsync($"Error: {error.Message}");
            }

            await environment.Error.WriteLineAsync("Run 'deployctl --help' (or '<command> --help') for usage.");
            return ExitCodes.Usage;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = environment.Out.Profile.Out.Writer, Error = environment.Error }, cancellationToken);
    }
}
