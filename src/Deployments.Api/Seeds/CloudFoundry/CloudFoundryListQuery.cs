using System.Globalization;
using Deployments.Api.Apis;
using Deployments.Model;
using Deployments.Refusals;

namespace Deployments.Api.Seeds.CloudFoundry;

/// <summary>
/// Cloud Foundry's list filters, read from the query string as it was sent: a value it does not know, and a
/// parameter it does not know, are each a 400 naming them (CF-BadQueryParameter), never silently ignored.
/// </summary>
internal sealed record CloudFoundryListQuery(
    IReadOnlySet<Guid>? AppGuids,
    IReadOnlySet<string>? StatusValues,
    IReadOnlySet<string>? StatusReasons,
    LabelSelector? Labels,
    int Page,
    int PerPage,
    string OrderBy)
{
    public const int DefaultPerPage = 50;
    public const int MaxPerPage = 5000;

    private static readonly string[] Known = ["app_guids", "status_values", "status_reasons", "label_selector", "page", "per_page", "order_by"];
    private static readonly string[] Values = ["ACTIVE", "FINALIZED"];
    private static readonly string[] Reasons = ["DEPLOYING", "PAUSED", "CANCELING", "DEPLOYED", "CANCELED", "SUPERSEDED"];
    private static readonly string[] Orders = ["created_at", "-created_at", "updated_at", "-updated_at"];

    public static CloudFoundryListQuery Parse(IQueryCollection query)
    {
        var errors = new List<ValidationError>();
        if (query.Keys.Where(k => !Known.Contains(k)).Order(StringComparer.Ordinal).ToList() is { Count: > 0 } unknown)
        {
            errors.Add(new(unknown[0], $"Unknown query parameter(s): '{string.Join("', '", unknown)}'. Valid parameters are: '{string.Join("', '", Known)}'"));
        }

        var page = Number(errors, query, "page", 1, 1, int.MaxValue);
        var perPage = Number(errors, query, "per_page", DefaultPerPage, 1, MaxPerPage);
        var order = query["order_by"] is { Count: > 0 } sent ? sent.ToString() : "created_at";
        if (!Orders.Contains(order))
        {
            errors.Add(new("order_by", $"can only be: '{string.Join("', '", Orders)}'"));
        }

        var values = Words(errors, query, "status_values", Values);
        var reasons = Words(errors, query, "status_reasons", Reasons);
        LabelSelector? labels = null;
        try
        {
            labels = DeploymentListRules.Labels(query["label_selector"] is { Count: > 0 } selector ? selector.ToString() : null);
        }
        catch (ValidationException invalid)
        {
            errors.AddRange(invalid.Errors);
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        // Cloud Foundry does not check the guids' form: one that is not a guid names no app, so matches nothing.
        var apps = List(query, "app_guids")?.Select(text => Guid.TryParse(text, out var guid) ? guid : Guid.Empty).ToHashSet();
        return new(apps, values, reasons, labels, page, perPage, order);
    }

    /// <summary>Statuses the store can filter on before the words are checked on each deployment read.</summary>
    public IReadOnlyList<DeploymentStatus> StoreStatuses()
    {
        var byValue = StatusValues?.SelectMany(v => v == "ACTIVE" ? Enum.GetValues<DeploymentStatus>().Where(s => s.IsActive()) : Enum.GetValues<DeploymentStatus>().Where(s => s.IsTerminal()));
        var byReason = StatusReasons?.SelectMany(r => r switch
        {
            "PAUSED" => [DeploymentStatus.Paused, DeploymentStatus.Running],
            "DEPLOYED" => [DeploymentStatus.Successful],
            "CANCELED" => [DeploymentStatus.Cancelled, DeploymentStatus.Failed],
            "SUPERSEDED" => [DeploymentStatus.Cancelled],
            "DEPLOYING" => new[] { DeploymentStatus.Pending, DeploymentStatus.Running, DeploymentStatus.Promoting },
            _ => [],
        });
        var statuses = byValue is null ? byReason : byReason is null ? byValue : byValue.Intersect(byReason);
        return statuses is null ? [] : [.. statuses.Distinct()];
    }

    /// <summary>Whether the deployment's Cloud Foundry words and app pass the filters.</summary>
    public bool Matches(Deployment deployment)
    {
        var (value, reason) = CloudFoundryView.StatusWords(deployment);
        return (AppGuids is null || AppGuids.Contains(deployment.AppId))
            && (StatusValues is null || StatusValues.Contains(value))
            && (StatusReasons is null || StatusReasons.Contains(reason));
    }

    public IEnumerable<Deployment> Ordered(IEnumerable<Deployment> deployments) => OrderBy switch
    {
        "-created_at" => deployments.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id),
        "updated_at" => deployments.OrderBy(d => d.UpdatedAt).ThenBy(d => d.Id),
        "-updated_at" => deployments.OrderByDescending(d => d.UpdatedAt).ThenByDescending(d => d.Id),
        _ => deployments.OrderBy(d => d.CreatedAt).ThenBy(d => d.Id),
    };

    private static int Number(List<ValidationError> errors, IQueryCollection query, string name, int fallback, int min, int max)
    {
        if (query[name] is not { Count: > 0 } sent)
        {
            return fallback;
        }

        if (int.TryParse(sent.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors.Add(new(name, max == int.MaxValue ? "must be a positive integer" : $"must be between {min} and {max}"));
        return fallback;
    }

    private static HashSet<string>? Words(List<ValidationError> errors, IQueryCollection query, string name, string[] allowed)
    {
        var words = List(query, name)?.ToHashSet(StringComparer.Ordinal);
        if (words?.Where(w => !allowed.Contains(w)).ToList() is { Count: > 0 } unknown)
        {
            errors.Add(new(name, $"'{string.Join("', '", unknown.Select(w => w.Length > 32 ? w[..32] : w))}' is not one of: {string.Join(", ", allowed)}"));
        }

        return words;
    }

    private static IEnumerable<string>? List(IQueryCollection query, string name) => query[name] is { Count: > 0 } sent
        ? sent.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        : null;
}
