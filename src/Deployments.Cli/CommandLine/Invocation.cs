using System.CommandLine;
using Deployments.Cli.Connection;
using Deployments.Cli.Http;
using Deployments.Cli.Output;

namespace Deployments.Cli.CommandLine;

/// <summary>One run of one command: its parsed values, the environment, and a client made on first use.</summary>
internal sealed class Invocation(ParseResult parse, CliEnvironment environment, GlobalOptions globals, CancellationToken cancellationToken) : IDisposable
{
    private ControlPlaneClient? client;

    public ParseResult Parse => parse;

    public CliEnvironment Environment => environment;

    public CancellationToken CancellationToken => cancellationToken;

    public OutputFormat Format => parse.GetValue(globals.Output);

    public Printer Print => new(environment.Out, Format);

    public string? Namespace => parse.GetValue(globals.Namespace);

    /// <summary>"?namespace=x" when one was given, for the routes that read it from the query.</summary>
    public string NamespaceQuery => Namespace is { } ns ? $"?namespace={Uri.EscapeDataString(ns)}" : string.Empty;

    public ControlPlaneClient Client => client ??= new ControlPlaneClient(
        ConnectionResolver.Resolve(parse.GetValue(globals.Url), parse.GetValue(globals.Key), parse.GetValue(globals.Profile), environment), environment.Time);

    public T? Value<T>(Option<T> option) => parse.GetValue(option);

    public T Value<T>(Argument<T> argument) => parse.GetValue(argument)!;

    public string? GlobalUrl => parse.GetValue(globals.Url);

    public string? GlobalKey => parse.GetValue(globals.Key);

    public string? GlobalProfile => parse.GetValue(globals.Profile);

    public void Dispose() => client?.Dispose();
}
