using System.CommandLine;
using System.Text.Json.Nodes;
using Deployments.Cli.CommandLine;
using Deployments.Cli.Output;

namespace Deployments.Cli.Commands;

/// <summary>deployctl clusters: where apps run and which driver acts there (settings that look like credentials are never shown).</summary>
internal static class ClusterCommands
{
    public static Command Create(Runner runner)
    {
        var resource = new CatalogResource("cluster", "api/clusters", "clusters", async (invocation, cluster) => (await Resolve.ClusterAsync(invocation, cluster)).ToString(),
            [("id", c => c.Str("id")), ("name", c => c.Str("name")), ("region", c => c.Str("region")), ("kind", c => c.Str("kind")), ("driver", c => c.Str("driver"))]);
        var name = CatalogCommands.NameArgument("cluster", "local");
        var region = Describe.Option<string>("--region", "Where it is", "--region westeurope");
        var kind = Describe.Option<string?>("--kind", "shared or dedicated", "--kind dedicated");
        var driver = Describe.Option<string>("--driver", "The target driver: process or webhook", "--driver webhook");
        var settings = Describe.Repeated("--setting", "A driver setting key=value", "--setting url=https://platform.example.com/hooks");
        region.Required = true;
        driver.Required = true;
        var create = new CatalogWrite("Register a cluster and its driver.", "deployctl clusters create local --region local --driver process",
            [name, region, kind, driver, settings], invocation =>
            {
                var body = new JsonObject { ["name"] = invocation.Value(name), ["region"] = invocation.Value(region), ["driver"] = invocation.Value(driver) };
                DeployCommand.Set(body, "kind", invocation.Value(kind));
                if (Pairs.Strings(invocation.Value(settings)!, "--setting") is { } s)
                {
                    body["driver_settings"] = s;
                }

                return Task.FromResult(body);
            });

        var newName = Describe.Option<string?>("--name", "A new name", "--name local-2");
        var newRegion = Describe.Option<string?>("--region", "A new region", "--region northeurope");
        var newKind = Describe.Option<string?>("--kind", "shared or dedicated", "--kind shared");
        var newSettings = Describe.Repeated("--setting", "A driver setting key=value, merged into the current ones", "--setting secret=s3cr3t");
        var update = new CatalogWrite("Change a cluster (driver settings are merged, so an unsent secret is kept).", "deployctl clusters update local --setting secret=new",
            [newName, newRegion, newKind, newSettings], invocation =>
            {
                var body = new JsonObject();
                DeployCommand.Set(body, "name", invocation.Value(newName));
                DeployCommand.Set(body, "region", invocation.Value(newRegion));
                DeployCommand.Set(body, "kind", invocation.Value(newKind));
                if (Pairs.Strings(invocation.Value(newSettings)!, "--setting") is { } s)
                {
                    body["driver_settings"] = s;
                }

                return Task.FromResult(body);
            });
        return CatalogCommands.Group(runner, "clusters", resource, "Manage clusters and their target drivers.", create, update);
    }
}
