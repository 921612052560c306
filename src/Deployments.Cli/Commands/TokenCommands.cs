using System.CommandLine;
using System.Text.Json.Nodes;
using Deployments.Cli.CommandLine;
using Deployments.Cli.Output;

namespace Deployments.Cli.Commands;

/// <summary>deployctl tokens: scoped tokens (read, submit, admin) for CI and people; a token's value is shown once, when made.</summary>
internal static class TokenCommands
{
    public static Command Create(Runner runner)
    {
        var group = Describe.Command("tokens", "Manage scoped access tokens (admin key needed).", "deployctl tokens list");
        var list = Describe.Command("list", "List tokens (never their values).", "deployctl tokens list", "ls");
        group.Subcommands.Add(runner.Bind(list, async invocation =>
        {
            var answer = await invocation.Client.GetAsync("api/tokens", invocation.CancellationToken);
            invocation.Print.Result(answer, json => Printer.Table(json.Items("tokens"),
                ("id", t => t.Str("id")), ("name", t => t.Str("name")), ("namespace", t => t.Str("namespace")), ("capabilities", t => t.Str("capabilities")),
                ("expires", t => t.Str("expires_at")), ("revoked", t => t.Str("revoked_at"))));
        }));

        var create = Describe.Command("create", "Make a token; its value is printed this once.", "deployctl tokens create ci --token-namespace payments --capability submit");
        var name = CatalogCommands.NameArgument("token", "ci");
        var tokenNamespace = Describe.Option<string?>("--token-namespace", "The one namespace it acts in, or * for all", "--token-namespace payments");
        var capabilities = Describe.Repeated("--capability", "read, submit or admin", "--capability submit");
        var expires = Describe.Option<DateTimeOffset?>("--expires-at", "When it stops working (RFC 3339)", "--expires-at 2026-01-01T00:00:00Z");
        CatalogCommands.Add(create, [name, tokenNamespace, capabilities, expires]);
        group.Subcommands.Add(runner.Bind(create, async invocation =>
        {
            var body = new JsonObject
            {
                ["name"] = invocation.Value(name),
                ["capabilities"] = new JsonArray([.. invocation.Value(capabilities)!.Select(c => JsonValue.Create(c))]),
            };
            DeployCommand.Set(body, "namespace", invocation.Value(tokenNamespace));
            DeployCommand.Set(body, "expires_at", invocation.Value(expires));
            var answer = await invocation.Client.PostAsync("api/tokens", body, invocation.CancellationToken);
            invocation.Print.Done(answer, $"Token {answer.Json.Str("id")} ({answer.Json.Str("namespace")}: {answer.Json.Str("capabilities")}), shown this once:{Environment.NewLine}{answer.Json.Str("token")}");
        }));

        var revoke = Describe.Command("revoke", "Revoke a token at once (kept, with who and when).", "deployctl tokens revoke 1a2b3c4d", "delete");
        var id = Describe.Argument<string>("id", "The token's id", "1a2b3c4d");
        revoke.Arguments.Add(id);
        group.Subcommands.Add(runner.Bind(revoke, async invocation =>
        {
            var answer = await invocation.Client.DeleteAsync($"api/tokens/{Uri.EscapeDataString(invocation.Value(id))}", invocation.CancellationToken);
            invocation.Print.Done(answer, $"Revoked token {invocation.Value(id)}.");
        }));
        return group;
    }
}
