using System.CommandLine;
using Deployments.Cli.Commands;
using Spectre.Console.Testing;

namespace Deployments.Cli.Tests;

/// <summary>What needs no server: help text, argument parsing, and the message when nothing answers.</summary>
public sealed class OfflineTests
{
    [Fact]
    public void Every_command_and_option_has_a_one_line_description_with_an_example()
    {
        var root = DeployCtl.Build(new CliEnvironment(new TestConsole(), TextWriter.Null, false, _ => null, "unused.json", TimeProvider.System));
        var missing = new List<string>();
        void Check(Command command, string path)
        {
            if (command is not RootCommand && !Described(command.Description, "Example: deployctl "))
            {
                missing.Add(path);
            }

            missing.AddRange(command.Options.Where(o => o.Name is not ("--help" or "--version") && !Described(o.Description, "(e.g. ")).Select(o => $"{path} {o.Name}"));
            missing.AddRange(command.Arguments.Where(a => !Described(a.Description, "(e.g. ")).Select(a => $"{path} <{a.Name}>"));
            foreach (var sub in command.Subcommands)
            {
                Check(sub, $"{path} {sub.Name}");
            }
        }

        Check(root, "deployctl");

        Assert.Empty(missing);
    }

    /// <summary>A description of one line that shows how it is used.</summary>
    private static bool Described(string? description, string example) =>
        description is { Length: > 0 } text && !text.Contains('\n', StringComparison.Ordinal) && text.Contains(example, StringComparison.Ordinal);

    [Fact]
    public async Task An_unreachable_server_is_named_in_the_error_and_exits_1()
    {
        var cli = new CliRunner(server: null);

        var result = await cli.RunAsync(interactive: false, new Dictionary<string, string> { ["DEPLOYCTL_URL"] = "http://127.0.0.1:9", ["DEPLOYCTL_KEY"] = "k" }, "list");

        Assert.Equal(ExitCodes.Error, result.ExitCode);
        Assert.StartsWith("Error: Could not reach http://127.0.0.1:9/api/deployments", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_command_line_exits_2_and_no_key_exits_1_saying_how_to_give_one()
    {
        var cli = new CliRunner(server: null);

        var usage = await cli.RunAsync("deploy");
        var noKey = await cli.RunAsync("list");

        Assert.Equal(ExitCodes.Usage, usage.ExitCode);
        Assert.Equal(ExitCodes.Error, noKey.ExitCode);
        Assert.Contains("DEPLOYCTL_KEY", noKey.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("25", 25, null)]
    [InlineData("50:10m", 50, "10m")]
    [InlineData("75%:30s", 75, "30s")]
    public void A_step_is_a_weight_with_an_optional_pause(string step, int weight, string? pause)
    {
        var parsed = DeployCommand.ParseStep(step);

        Assert.Equal(weight, (int)parsed["instance_weight"]!);
        Assert.Equal(pause, (string?)parsed["pause"]);
    }

    [Fact]
    public void A_step_without_a_number_is_a_usage_error()
    {
        Assert.Throws<Deployments.Cli.CommandLine.UsageException>(() => DeployCommand.ParseStep("half"));
    }
}
