using System.Text;
using System.Text.Json;
using Deployments.Model;
using Deployments.Refusals;
using Deployments.Rules;

namespace Deployments.Api.Http;

/// <summary>Query values that need more than the framework's binding: checked up front so a bad one is a 400 naming it.</summary>
internal static class QueryValues
{
    /// <summary>The <c>namespace</c> query value; when absent, the namespace a scoped token is confined to, else the default one.</summary>
    public static string Namespace(string? value)
    {
        if (value is null)
        {
            return CallerScope.NamespaceOr(null);
        }

        return Names.IsValid(value) ? value : throw Invalid("namespace", Names.Rule);
    }

    /// <summary>
    /// The namespace a create acts in: the body's, else the query's; null (the caller's own, or the default) when
    /// neither names one. Both named and different is a 400: the server never picks one of them for the caller.
    /// </summary>
    public static string? CreateIn(string? query, string? body)
    {
        if (query is not null && !Names.IsValid(query))
        {
            throw Invalid("namespace", Names.Rule);
        }

        return query is not null && body is not null && query != body
            ? throw Invalid("namespace", $"is '{body}' in the body but '{query}' in the query; name one namespace")
            : body ?? query;
    }

    /// <summary>Refuses a blocking query's <c>index</c> or <c>wait</c> before the wait begins, not halfway through it.</summary>
    public static void CheckLongPoll(long? index, string? wait)
    {
        if (index is < 0)
        {
            throw Invalid("index", "must not be negative");
        }

        if (wait is null)
        {
            return;
        }

        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(wait)));
            reader.Read();
            if (new DurationJsonConverter().Read(ref reader, typeof(TimeSpan), JsonSerializerOptions.Default) < TimeSpan.Zero)
            {
                throw Invalid("wait", "must not be negative");
            }
        }
        catch (Exception unreadable) when (unreadable is JsonException or OverflowException or ArgumentException)
        {
            throw Invalid("wait", "must be a duration such as \"30s\" or \"5m\"");
        }
    }

    private static ValidationException Invalid(string field, string message) => new([new ValidationError(field, message)]);
}
