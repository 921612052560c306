using System.Text.Json;
using Deployments.Cli.CommandLine;
using Deployments.Cli.Output;

namespace Deployments.Cli.Commands;

/// <summary>
/// Turns what people type into the API's ids: an app or cluster by name or id, a deployment by id or by
/// a Nomad-style id prefix (an even number of hex characters) that matches exactly one.
/// </summary>
internal static class Resolve
{
    public static async Task<Guid> AppAsync(Invocation invocation, string app)
    {
        if (Guid.TryParse(app, out var id))
        {
            return id;
        }

        var apps = (await invocation.Client.GetAsync($"api/apps{invocation.NamespaceQuery}", invocation.CancellationToken)).Json;
        return ByName(apps.Items("apps"), app, $"app in namespace '{invocation.Namespace ?? "default"}'");
    }

    public static async Task<Guid> ClusterAsync(Invocation invocation, string cluster)
    {
        if (Guid.TryParse(cluster, out var id))
        {
            return id;
        }

        var clusters = (await invocation.Client.GetAsync("api/clusters", invocation.CancellationToken)).Json;
        return ByName(clusters.Items("clusters"), cluster, "cluster");
    }

    public static async Task<Guid> DeploymentAsync(Invocation invocation, string deployment)
    {
        if (Guid.TryParse(deployment, out var id))
        {
            return id;
        }

        var prefix = deployment.Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        var page = (await invocation.Client.GetAsync($"api/deployments?prefix={Uri.EscapeDataString(prefix)}&page_size=2{NamespaceAnd(invocation)}", invocation.CancellationToken)).Json;
        var found = page.Items("deployments").ToList();
        return found.Count switch
        {
            1 => found[0].GetProperty("id").GetGuid(),
            0 => throw new UsageException($"No deployment id starts with '{deployment}'."),
            _ => throw new UsageException($"More than one deployment id starts with '{deployment}': give more of it."),
        };
    }

    public static async Task<Guid[]> AppsAsync(Invocation invocation, IEnumerable<string> apps)
    {
        var ids = new List<Guid>();
        foreach (var app in apps)
        {
            ids.Add(await AppAsync(invocation, app));
        }

        return [.. ids];
    }

    private static string NamespaceAnd(Invocation invocation) => invocation.Namespace is { } ns ? $"&namespace={Uri.EscapeDataString(ns)}" : string.Empty;

    private static Guid ByName(IEnumerable<JsonElement> items, string name, string what)
    {
        var matches = items.Where(item => item.Str("name") == name).ToList();
        return matches.Count == 1
            ? matches[0].GetProperty("id").GetGuid()
            : throw new UsageException(matches.Count == 0 ? $"No {what} is named '{name}'." : $"More than one {what} is named '{name}': use its id.");
    }
}
