using Deployments.Api.Apis;
using Deployments.Model;
using Deployments.Refusals;
using Deployments.Service;
using Deployments.Storage;

namespace Deployments.Api.Seeds.CloudFoundry;

/// <summary>
/// Cloud Foundry's numbered pages over a store that pages by continuation token: every matching deployment of
/// the namespaces the caller may see is read (the store filters by status, labels and a single app; the rest
/// is checked here), ordered, and sliced. The cost grows with the matches, so it is bounded: past
/// <see cref="MaxMatching"/> the caller is asked to narrow the filters.
/// </summary>
internal static class CloudFoundryListing
{
    public const int MaxMatching = 10_000;

    public static async Task<CloudFoundryPage> PageAsync(HttpContext http, CloudFoundryListQuery query, DeploymentService service, AppCatalog catalog, CancellationToken ct)
    {
        var matching = await MatchingAsync(query, service, ct);
        var pages = Math.Max(1, (matching.Count + query.PerPage - 1) / query.PerPage);
        var skip = (long)(query.Page - 1) * query.PerPage;
        var view = new CloudFoundryView(http, catalog);
        var resources = new List<CloudFoundryDeployment>();
        foreach (var deployment in skip >= matching.Count ? [] : query.Ordered(matching).Skip((int)skip).Take(query.PerPage))
        {
            resources.Add(await view.ShowAsync(deployment, ct));
        }

        var kept = http.Request.Query.Where(p => p.Key is not ("page" or "per_page"))
            .SelectMany(p => p.Value.Select(v => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(v ?? "")}")).ToList();
        CloudFoundryHref Href(int page) => new(view.Url("/v3/deployments?" + string.Join("&", new[] { $"page={page}", $"per_page={query.PerPage}" }.Concat(kept))));
        return new CloudFoundryPage(
            new CloudFoundryPagination(matching.Count, pages, Href(1), Href(pages),
                query.Page < pages ? Href(query.Page + 1) : null,
                query.Page > 1 ? Href(Math.Min(query.Page - 1, pages)) : null),
            resources);
    }

    /// <summary>A namespaced key sees its namespace; the admin key every namespace, as Cloud Foundry's admin sees every space.</summary>
    private static async Task<List<Deployment>> MatchingAsync(CloudFoundryListQuery query, DeploymentService service, CancellationToken ct)
    {
        var statuses = query.StoreStatuses();
        var matching = new List<Deployment>();
        string? token = null;
        do
        {
            // Every namespace the caller may see: the service narrows a namespaced caller to its own.
            var (found, next) = await service.ListAsync(new DeploymentQuery
            {
                EveryNamespace = true,
                AppId = query.AppGuids is { Count: 1 } one ? one.First() : null,
                Statuses = statuses,
                Labels = query.Labels,
                PageSize = DeploymentListRules.MaxPageSize,
                ContinuationToken = token,
            }, ct);
            matching.AddRange(found.Where(query.Matches));
            if (matching.Count > MaxMatching)
            {
                throw new ValidationException([new ValidationError("page",
                    $"more than {MaxMatching} deployments match: narrow the list with app_guids, status_values, status_reasons or label_selector")]);
            }

            token = next;
        }
        while (token is not null);

        return matching;
    }
}
