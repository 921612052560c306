using Deployments.Model;
using Deployments.Refusals;

namespace Deployments.Api.Apis;

/// <summary>The listing's query values, each refused with a 400 naming it rather than silently adjusted.</summary>
internal static class DeploymentListRules
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    /// <summary>As Nomad: an id prefix is an even number of hexadecimal characters (dashes of the uuid form allowed).</summary>
    public static string? Prefix(string? prefix)
    {
        if (string.IsNullOrEmpty(prefix))
        {
            return null;
        }

        var hex = prefix.Replace("-", "", StringComparison.Ordinal);
        if (hex.Length % 2 != 0 || hex.Length > 32 || !hex.All(char.IsAsciiHexDigit))
        {
            throw Invalid("prefix", "an id prefix is an even number of hexadecimal characters");
        }

        return hex;
    }

    /// <summary>Cloud Foundry's <c>label_selector</c>, parsed up front so a malformed one is a 400 naming it.</summary>
    public static LabelSelector? Labels(string? selector)
    {
        if (selector is null)
        {
            return null;
        }

        return LabelSelector.TryParse(selector, out var parsed, out var error) ? parsed : throw Invalid("label_selector", error!);
    }

    public static int PageSize(int? pageSize) => pageSize switch
    {
        null => DefaultPageSize,
        >= 1 and <= MaxPageSize => pageSize.Value,
        _ => throw Invalid("page_size", $"must be between 1 and {MaxPageSize}"),
    };

    public static DateTimeOffset? CreatedTo(DateTimeOffset? from, DateTimeOffset? to) =>
        from is { } start && to is { } end && end < start ? throw Invalid("created_to", "must not be before created_from") : to;

    private static ValidationException Invalid(string field, string message) => new([new ValidationError(field, message)]);
}
