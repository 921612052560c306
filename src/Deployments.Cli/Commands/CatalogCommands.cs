using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Deployments.Cli.CommandLine;
using Deployments.Cli.Output;
using Spectre.Console.Rendering;

namespace Deployments.Cli.Commands;

/// <summary>
/// A catalog resource as the API serves it: its route, the list's property, how a name becomes an id, the list's
/// columns, and how one is shown (field/value lines when <paramref name="Show"/> is null).
/// </summary>
internal sealed record CatalogResource(
    string Singular,
    string Route,
    string ListProperty,
    Func<Invocation, string, Task<string>> Id,
    (string Header, Func<JsonElement, string> Cell)[] Columns,
    Func<JsonElement, IRenderable>? Show = null)
{
    public IRenderable Render(JsonElement resource) => Show is { } show ? show(resource) : Printer.Fields(resource);
}

/// <summary>What create or update adds to the common shape: its options and how they become the request body.</summary>
internal sealed record CatalogWrite(string Description, string Example, Symbol[] Inputs, Func<Invocation, Task<JsonObject>> Body);

/// <summary>list, get, create, update and delete of one catalog resource, the same way for each.</summary>
internal static class CatalogCommands
{
    public static Command Group(Runner runner, string name, CatalogResource resource, string description, CatalogWrite? create, CatalogWrite? update, params Command[] more)
    {
        var group = Describe.Command(name, description, $"deployctl {name} list");
        var list = Describe.Command("list", $"List {name}.", $"deployctl {name} list");
        list.Aliases.Add("ls");
        group.Subcommands.Add(runner.Bind(list, async invocation =>
        {
            var answer = await invocation.Client.GetAsync($"{resource.Route}{invocation.NamespaceQuery}", invocation.CancellationToken);
            invocation.Print.Result(answer, json => Printer.Table(json.Items(resource.ListProperty), resource.Columns));
        }));

        group.Subcommands.Add(ById(runner, resource, Describe.Command("get", $"Show one {resource.Singular}.", $"deployctl {name} get <{resource.Singular}>"), async (invocation, id) =>
        {
            var answer = await invocation.Client.GetAsync($"{resource.Route}/{id}{invocation.NamespaceQuery}", invocation.CancellationToken);
            invocation.Print.Result(answer, resource.Render);
        }));

        if (create is not null)
        {
            var command = Describe.Command("create", create.Description, create.Example);
            Add(command, create.Inputs);
            group.Subcommands.Add(runner.Bind(command, async invocation =>
            {
                var answer = await invocation.Client.PostAsync(resource.Route, await create.Body(invocation), invocation.CancellationToken);
                invocation.Print.Result(answer, resource.Render);
            }));
        }

        if (update is not null)
        {
            var command = Describe.Command("update", update.Description, update.Example);
            Add(command, update.Inputs);
            group.Subcommands.Add(ById(runner, resource, command, async (invocation, id) =>
            {
                var answer = await invocation.Client.PatchAsync($"{resource.Route}/{id}{invocation.NamespaceQuery}", await update.Body(invocation), invocation.CancellationToken);
                invocation.Print.Result(answer, resource.Render);
            }));
        }

        group.Subcommands.Add(ById(runner, resource, Describe.Command("delete", $"Delete a {resource.Singular}.", $"deployctl {name} delete <{resource.Singular}>", "rm"), async (invocation, id) =>
        {
            var answer = await invocation.Client.DeleteAsync($"{resource.Route}/{id}{invocation.NamespaceQuery}", invocation.CancellationToken);
            invocation.Print.Done(answer, $"Deleted {resource.Singular} {id}.");
        }));

        foreach (var command in more)
        {
            group.Subcommands.Add(command);
        }

        return group;
    }

    /// <summary>A command on one resource, named by its first argument (a name or an id).</summary>
    public static Command ById(Runner runner, CatalogResource resource, Command command, Func<Invocation, string, Task> action) =>
        ById(runner, resource, command, async (Invocation invocation, string id) =>
        {
            await action(invocation, id);
            return ExitCodes.Success;
        });

    /// <inheritdoc cref="ById(Runner, CatalogResource, Command, Func{Invocation, string, Task})"/>
    public static Command ById(Runner runner, CatalogResource resource, Command command, Func<Invocation, string, Task<int>> action)
    {
        var target = Describe.Argument<string>(resource.Singular, $"The {resource.Singular}'s name or id", resource.Singular == "token" ? "ci-token-id" : "sample");
        command.Arguments.Insert(0, target);
        return runner.Bind(command, async invocation => await action(invocation, await resource.Id(invocation, invocation.Value(target))));
    }

    /// <summary>The name argument of create commands.</summary>
    public static Argument<string> NameArgument(string what, string example) => Describe.Argument<string>("name", $"The new {what}'s name", example);

    public static void Add(Command command, IEnumerable<Symbol> symbols)
    {
        foreach (var symbol in symbols)
        {
            switch (symbol)
            {
                case Option option:
                    command.Options.Add(option);
                    break;
                case Argument argument:
                    command.Arguments.Add(argument);
                    break;
            }
        }
    }

    /// <summary>The namespace of a new resource: --namespace when given, else the server's default.</summary>
    public static JsonObject WithNamespace(this JsonObject body, Invocation invocation)
    {
        DeployCommand.Set(body, "namespace", invocation.Namespace);
        return body;
    }

    public static Task<string> AsIs(Invocation invocation, string id) => Task.FromResult(Uri.EscapeDataString(id));
}
