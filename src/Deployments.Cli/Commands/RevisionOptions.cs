using System.CommandLine;
using System.Text.Json.Nodes;
using Deployments.Cli.CommandLine;

namespace Deployments.Cli.Commands;

/// <summary>What a revision is made of (artifact, environment, config, health path), as options shared by deploy, revisions create, apps create and promote-to-cluster.</summary>
internal sealed class RevisionOptions
{
    public Option<string?> Image { get; } = Describe.Option<string?>("--image", "The container image to run", "--image registry.example.com/web:2.1");

    public Option<string?> Run { get; } = Describe.Option<string?>("--command", "The command to run instead of an image", "--command dotnet");

    public Option<string[]> Args { get; } = Describe.Repeated("--arg", "An argument of --command", "--arg app.dll");

    public Option<string[]> Env { get; } = Describe.Repeated("--env", "An environment variable NAME=value", "--env VERSION=v2");

    public Option<string[]> SecretEnv { get; } = Describe.Repeated("--secret-env", "An environment variable NAME=secret-reference, resolved where it runs", "--secret-env DB_PASSWORD=kv:db-password");

    public Option<string[]> Config { get; } = Describe.Repeated("--config", "A config entry key=value", "--config feature.x=on");

    public Option<string?> HealthPath { get; } = Describe.Option<string?>("--health-path", "The HTTP path that answers 200 when an instance is healthy", "--health-path /healthz");

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Image, Run, Args, Env, SecretEnv, Config, HealthPath })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>True when any field of a revision was given.</summary>
    public bool Given(Invocation invocation) =>
        invocation.Value(Image) is not null || invocation.Value(Run) is not null || invocation.Value(Env)!.Length > 0 || invocation.Value(SecretEnv)!.Length > 0
        || invocation.Value(Config)!.Length > 0 || invocation.Value(HealthPath) is not null || invocation.Value(Args)!.Length > 0;

    /// <summary>Adds artifact, environment, config and health_path to <paramref name="body"/>, each only when given.</summary>
    public JsonObject WriteTo(JsonObject body, Invocation invocation)
    {
        var image = invocation.Value(Image);
        var run = invocation.Value(Run);
        var args = invocation.Value(Args)!;
        if (image is not null || run is not null || args.Length > 0)
        {
            body["artifact"] = new JsonObject { ["image"] = image, ["command"] = run, ["args"] = new JsonArray([.. args.Select(a => JsonValue.Create(a))]) };
        }

        var environment = new JsonObject();
        foreach (var (name, value) in Pairs.Strings(invocation.Value(Env)!, "--env") ?? [])
        {
            environment[name] = new JsonObject { ["value"] = value!.DeepClone() };
        }

        foreach (var (name, reference) in Pairs.Strings(invocation.Value(SecretEnv)!, "--secret-env") ?? [])
        {
            environment[name] = new JsonObject { ["secret_ref"] = reference!.DeepClone() };
        }

        if (environment.Count > 0)
        {
            body["environment"] = environment;
        }

        if (Pairs.Strings(invocation.Value(Config)!, "--config") is { } config)
        {
            body["config"] = config;
        }

        if (invocation.Value(HealthPath) is { } healthPath)
        {
            body["health_path"] = healthPath;
        }

        return body;
    }
}
