using System.CommandLine;

namespace Deployments.Cli.CommandLine;

/// <summary>Commands and options are made here, so every one of them gets a one-line description with an example.</summary>
internal static class Describe
{
    public static Command Command(string name, string description, string example, params string[] aliases)
    {
        var command = new Command(name, $"{description} Example: {example}");
        foreach (var alias in aliases)
        {
            command.Aliases.Add(alias);
        }

        return command;
    }

    public static Option<T> Option<T>(string name, string description, string example, params string[] aliases) =>
        new(name, aliases) { Description = $"{description} (e.g. {example})" };

    public static Argument<T> Argument<T>(string name, string description, string example) =>
        new(name) { Description = $"{description} (e.g. {example})" };

    /// <summary>An option that may be given several times, each time with one value.</summary>
    public static Option<string[]> Repeated(string name, string description, string example, params string[] aliases) =>
        new(name, aliases) { Description = $"{description}; repeat for more (e.g. {example})", Arity = ArgumentArity.ZeroOrMore, DefaultValueFactory = _ => [] };

    public static Option<bool> Flag(string name, string description, params string[] aliases) =>
        new(name, aliases) { Description = $"{description} (e.g. {name})" };
}
