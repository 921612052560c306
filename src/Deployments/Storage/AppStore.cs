using Azure.Data.Tables;
using Deployments.Platform;
using Deployments.Model;
using Deployments.Refusals;

namespace Deployments.Storage;

/// <summary>Apps and their revisions (one partition per app), and the name index that keeps names unique per namespace.</summary>
public sealed class AppStore(DeploymentTables tables, TimeProvider time)
{
    private const string AppRow = "app";

    internal static string RevisionRow(int number) => $"rev-{number:D6}";

    /// <summary>Stores a new app, with its first revision when <paramref name="firstRevision"/> is given; a name already taken in the namespace is a conflict.</summary>
    public async Task<App> CreateAsync(App app, Func<App, Revision>? firstRevision, CancellationToken cancellationToken)
    {
        // The name is reserved first: an insert, so two creates of one name cannot both win.
        await tables.AppNames.InsertAsync(app.Namespace, app.Name, new AppNameEntry(app.Id), cancellationToken);
        try
        {
            var actions = new List<TableTransactionAction>();
            if (firstRevision is not null)
            {
                var revision = firstRevision(app);
                app = app with { LatestRevision = revision.Number, CurrentRevision = revision.Number };
                actions.Add(new(TableTransactionActionType.Add, DocumentTable.ToEntity(Key(app.Id), RevisionRow(revision.Number), revision)));
            }

            actions.Insert(0, new(TableTransactionActionType.Add, DocumentTable.ToEntity(Key(app.Id), AppRow, app, Columns(app))));
            await tables.Apps.SubmitAsync(actions, cancellationToken);
            return app;
        }
        catch
        {
            await tables.AppNames.DeleteAsync(app.Namespace, app.Name, CancellationToken.None);
            throw;
        }
    }

    /// <summary>The app with this id; null when there is none.</summary>
    public async Task<App?> GetAsync(Guid appId, CancellationToken cancellationToken)
    {
        return (await tables.Apps.GetAsync<App>(Key(appId), AppRow, cancellationToken))?.Document;
    }

    /// <summary>The app with this name in the namespace; null when there is none.</summary>
    public async Task<App?> FindByNameAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        var entry = await tables.AppNames.GetAsync<AppNameEntry>(@namespace, name, cancellationToken);
        return entry is null ? null : await GetAsync(entry.Document.AppId, cancellationToken);
    }

    /// <summary>Every app of one namespace.</summary>
    public async Task<IReadOnlyList<App>> ListAsync(string @namespace, CancellationToken cancellationToken)
    {
        var apps = new List<App>();
        await foreach (var entry in tables.AppNames.QueryAsync<AppNameEntry>(TableClient.CreateQueryFilter($"PartitionKey eq {@namespace}"), cancellationToken))
        {
            if (await GetAsync(entry.Document.AppId, cancellationToken) is { } app)
            {
                apps.Add(app);
            }
        }

        return apps;
    }

    /// <summary>Every app of every namespace (a scan of the app rows: the catalog is small).</summary>
    public async Task<IReadOnlyList<App>> ListAllAsync(CancellationToken cancellationToken)
    {
        var apps = new List<App>();
        await foreach (var stored in tables.Apps.QueryAsync<App>(TableClient.CreateQueryFilter($"RowKey eq {AppRow}"), cancellationToken))
        {
            apps.Add(stored.Document);
        }

        return apps;
    }

    /// <summary>Applies a change under the app's ETag, retrying when a concurrent change came first.</summary>
    public Task<App> UpdateAsync(Guid appId, Func<App, App> change, CancellationToken cancellationToken) =>
        tables.Apps.UpdateAsync<App>(Key(appId), AppRow, app => change(app) with { UpdatedAt = time.GetUtcNow() }, () => new NotFoundException("app", appId.ToString()), cancellationToken, Columns);

    /// <summary>Adds the next numbered revision and makes it the app's current one, in one transaction.</summary>
    public Task<Revision> AddRevisionAsync(Guid appId, Func<App, int, Revision> create, CancellationToken cancellationToken) =>
        tables.Apps.UpdateAsync<App, Revision>(Key(appId), AppRow, stored =>
        {
            var current = stored ?? throw new NotFoundException("app", appId.ToString());
            var number = current.Document.LatestRevision + 1;
            var revision = create(current.Document, number);
            var app = current.Document with { LatestRevision = number, UpdatedAt = time.GetUtcNow() };
            return RowUpdate.Write(
                revision,
                DocumentTable.Replacing(Key(appId), AppRow, app, current.ETag, Columns(app)),
                DocumentTable.Adding(Key(appId), RevisionRow(number), revision));
        }, DocumentTable.DefaultAttempts, cancellationToken);

    /// <summary>One revision of an app; null when there is none with that number.</summary>
    public async Task<Revision?> GetRevisionAsync(Guid appId, int number, CancellationToken cancellationToken)
    {
        return (await tables.Apps.GetAsync<Revision>(Key(appId), RevisionRow(number), cancellationToken))?.Document;
    }

    /// <summary>Every revision of an app, oldest first.</summary>
    public async Task<IReadOnlyList<Revision>> ListRevisionsAsync(Guid appId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Key(appId)} and RowKey ge {"rev-"} and RowKey lt {"rev."}");
        return await tables.Apps.ListAsync<Revision>(filter, cancellationToken);
    }

    /// <summary>Marks a revision stable once a deployment of it succeeded; a missing or already stable revision is left alone.</summary>
    public async Task MarkRevisionStableAsync(Guid appId, int number, CancellationToken cancellationToken)
    {
        var stored = await tables.Apps.GetAsync<Revision>(Key(appId), RevisionRow(number), cancellationToken);
        if (stored is { Document.Stable: false })
        {
            await tables.Apps.ReplaceAsync(Key(appId), RevisionRow(number), stored.Document with { Stable = true }, stored.ETag, cancellationToken);
        }
    }

    /// <summary>Removes the app, its revisions and its name, freeing the name for reuse.</summary>
    public async Task DeleteAsync(App app, CancellationToken cancellationToken)
    {
        foreach (var revision in await ListRevisionsAsync(app.Id, cancellationToken))
        {
            await tables.Apps.DeleteAsync(Key(app.Id), RevisionRow(revision.Number), cancellationToken);
        }

        await tables.Apps.DeleteAsync(Key(app.Id), AppRow, cancellationToken);
        await tables.AppNames.DeleteAsync(app.Namespace, app.Name, cancellationToken);
    }

    private static string Key(Guid appId) => appId.ToString("N");

    private static Dictionary<string, object?> Columns(App app) => new()
    {
        ["Namespace"] = app.Namespace,
        ["Name"] = app.Name,
    };

    private sealed record AppNameEntry(Guid AppId);
}
