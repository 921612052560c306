using System.CommandLine;
using System.Text.Json.Nodes;
using Deployments.Cli.CommandLine;
using Deployments.Cli.Output;

namespace Deployments.Cli.Commands;

/// <summary>deployctl subscriptions: URLs that receive a namespace's status changes as signed CloudEvents (the secret is never shown).</summary>
internal static class SubscriptionCommands
{
    public static Command Create(Runner runner)
    {
        var resource = new CatalogResource("subscription", "api/subscriptions", "subscriptions", CatalogCommands.AsIs,
            [("id", s => s.Str("id")), ("namespace", s => s.Str("namespace")), ("url", s => s.Str("url")), ("created", s => s.Str("created_at"))]);
        var url = Describe.Option<string>("--url", "Where status changes are POSTed", "--url https://hooks.example.com/deployments");
        url.Required = true;
        var secret = Describe.Option<string?>("--secret", "The secret that signs each notification", "--secret \"$HOOK_SECRET\"");
        var create = new CatalogWrite("Subscribe a URL to the namespace's deployment status changes.", "deployctl subscriptions create --url https://hooks.example.com/d --secret s3cr3t",
            [url, secret], invocation =>
            {
                var body = new JsonObject { ["url"] = invocation.Value(url) }.WithNamespace(invocation);
                DeployCommand.Set(body, "secret", invocation.Value(secret));
                return Task.FromResult(body);
            });
        var newUrl = Describe.Option<string?>("--url", "A new URL", "--url https://hooks.example.com/v2");
        var newSecret = Describe.Option<string?>("--secret", "A new signing secret (rotation)", "--secret \"$NEW_SECRET\"");
        var update = new CatalogWrite("Change a subscription's URL or rotate its secret.", "deployctl subscriptions update 7f3e... --secret new-s3cr3t", [newUrl, newSecret], invocation =>
        {
            var body = new JsonObject();
            DeployCommand.Set(body, "url", invocation.Value(newUrl));
            DeployCommand.Set(body, "secret", invocation.Value(newSecret));
            return Task.FromResult(body);
        });
        return CatalogCommands.Group(runner, "subscriptions", resource, "Manage notification subscriptions.", create, update);
    }
}
