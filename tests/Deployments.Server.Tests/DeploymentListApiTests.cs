using System.Diagnostics;
using System.Globalization;

namespace Deployments.Server.Tests;

/// <summary>Listing deployments: filters, paging with next_token, and blocking lists. Apps of zero instances roll out at once.</summary>
public sealed class DeploymentListApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly ControlPlaneServer server = fixture.Server;

    [Fact]
    public async Task List_PagesThroughEveryDeployment_AndFilters()
    {
        var cluster = await server.CreateLocalClusterAsync();
        var app = await server.CreateSampleAppAsync(cluster, "pager", instances: 0);
        var other = await server.CreateSampleAppAsync(cluster, "bystander", instances: 0);
        var ids = new List<Guid>();
        var created = new List<DateTimeOffset>();
        for (var i = 0; i < 5; i++)
        {
            var done = await server.DeploySuccessfullyAsync(app);
            ids.Add(done.GetProperty("id").GetGuid());
            created.Add(done.GetProperty("created_at").GetDateTimeOffset());
        }

        var otherDeployment = (await server.DeploySuccessfullyAsync(other)).GetProperty("id").GetGuid();

        // Three pages of at most two, each handing over to the next with next_token.
        var seen = new List<Guid>();
        var pages = 0;
        string? token = null;
        do
        {
            var query = $"/api/deployments?app_id={app}&page_size=2" + (token is null ? "" : $"&next_token={Uri.EscapeDataString(token)}");
            var page = (await server.Api.GetAsync(query)).Expect(HttpStatusCode.OK);
            pages++;
            var items = page.GetProperty("deployments").EnumerateArray().Select(d => d.GetProperty("id").GetGuid()).ToList();
            Assert.True(items.Count <= 2);
            seen.AddRange(items);
            token = page.TryGetProperty("next_token", out var next) ? next.GetString() : null;
        }
        while (token is not null && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(ids.Order(), seen.Order());

        // Several statuses, comma-separated or repeated.
        Assert.Equal(5, await CountAsync($"app_id={app}&status=successful,failed"));
        Assert.Equal(5, await CountAsync($"app_id={app}&status=failed&status=successful"));
        Assert.Equal(0, await CountAsync($"app_id={app}&status=running&status=paused"));
        // Across apps; other tests share this server, so their successful deployments may be listed too.
        Assert.Superset(new HashSet<Guid>([.. ids, otherDeployment]), (await ListAsync("status=successful&page_size=500")).ToHashSet());

        // The created range: from is inclusive, to is exclusive.
        var from = Uri.EscapeDataString(created[2].ToString("O", CultureInfo.InvariantCulture));
        Assert.Equal(3, await CountAsync($"app_id={app}&created_from={from}"));
        Assert.Equal(2, await CountAsync($"app_id={app}&created_to={from}"));
        Assert.Equal(1, await CountAsync($"app_id={app}&created_from={from}&created_to={Uri.EscapeDataString(created[3].ToString("O", CultureInfo.InvariantCulture))}"));

        // Nomad-style id prefix, with or without the dashes of the uuid form.
        var target = ids[3];
        var byPrefix = await ListAsync($"prefix={target.ToString("N")[..4]}");
        Assert.Contains(target, byPrefix);
        Assert.All(byPrefix, id => Assert.StartsWith(target.ToString("N")[..4], id.ToString("N"), StringComparison.Ordinal));
        Assert.Equal([target], await ListAsync($"prefix={target.ToString("D")[..13]}"));
        Assert.Equal([otherDeployment], await ListAsync($"prefix={otherDeployment:N}"));

        Assert.Equal(0, await CountAsync("namespace=elsewhere"));
    }

    [Fact]
    public async Task BlockingList_ReturnsAsSoonAsANewDeploymentAppears_OrAtTheWait()
    {
        var cluster = await server.CreateLocalClusterAsync("blocking");
        var app = await server.CreateSampleAppAsync(cluster, "watched", instances: 0);
        var first = await server.DeploySuccessfullyAsync(app);
        // The scenario's wait has let the list (served from the index row) catch up with the record's last change.
        var current = await server.Api.GetAsync($"/api/deployments?app_id={app}");
        current.Expect(HttpStatusCode.OK);
        var index = long.Parse(current.Header("X-Modify-Index")!, CultureInfo.InvariantCulture);
        Assert.Equal(first.GetProperty("modify_index").GetInt64(), index);

        // Nothing changes: the query waits out its wait and answers with the same index.
        var quiet = Stopwatch.StartNew();
        var unchanged = await server.Api.GetAsync($"/api/deployments?app_id={app}&index={index}&wait=1s");
        Assert.True(quiet.Elapsed >= TimeSpan.FromMilliseconds(900), $"returned after {quiet.Elapsed}");
        Assert.Equal(index, long.Parse(unchanged.Header("X-Modify-Index")!, CultureInfo.InvariantCulture));

        var watching = Stopwatch.StartNew();
        var blocked = server.Api.GetAsync($"/api/deployments?app_id={app}&index={index}&wait=60s");
        await Task.Delay(300);
        Assert.False(blocked.IsCompleted, "the blocking list answered before anything changed");
        var started = (await server.DeployAsync(app)).GetProperty("id").GetGuid();
        var answer = await blocked;

        Assert.True(watching.Elapsed < TimeSpan.FromSeconds(20), $"the blocking list took {watching.Elapsed}");
        Assert.True(long.Parse(answer.Header("X-Modify-Index")!, CultureInfo.InvariantCulture) > index);
        Assert.Contains(answer.Expect(HttpStatusCode.OK).GetProperty("deployments").EnumerateArray(), d => d.GetProperty("id").GetGuid() == started);
        await server.WaitForStatusAsync(started, "successful");
    }

    private async Task<int> CountAsync(string query) => (await ListAsync(query)).Count;

    private async Task<List<Guid>> ListAsync(string query) =>
        [.. (await server.Api.GetAsync($"/api/deployments?{query}")).Expect(HttpStatusCode.OK).GetProperty("deployments").EnumerateArray().Select(d => d.GetProperty("id").GetGuid())];
}
