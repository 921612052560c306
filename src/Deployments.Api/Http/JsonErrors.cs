using System.Text.Json;
using System.Text.RegularExpressions;
using Deployments.Refusals;

namespace Deployments.Api.Http;

/// <summary>
/// Turns the serializer's complaints into field errors a client can act on: the field path as the API
/// spells it ("options.steps[0].pause", or "body" for the body as a whole) and what the field must be,
/// in the API's words rather than .NET type names.
/// </summary>
internal static partial class JsonErrors
{
    public const string BodyField = "body";

    public static ValidationError From(JsonException exception) => new(Field(exception.Path), Message(exception));

    /// <summary>"$.options.steps[0].pause" becomes "options.steps[0].pause"; the root becomes "body".</summary>
    public static string Field(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return BodyField;
        }

        var field = path.StartsWith('$') ? path[1..] : path;
        return field.StartsWith('.') ? field[1..] : field;
    }

    private static string Message(JsonException exception)
    {
        var text = exception.Message;
        if (text.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            return "is not a field of this request";
        }

        if (text.Contains("null", StringComparison.OrdinalIgnoreCase) && text.Contains("nullability annotation", StringComparison.Ordinal))
        {
            return "must not be null";
        }

        if (text.Contains("Duplicate", StringComparison.OrdinalIgnoreCase))
        {
            return "is given more than once";
        }

        if (ConvertedTo().Match(text) is { Success: true } conversion)
        {
            return $"must be {Describe(conversion.Groups["type"].Value, exception.Path)}";
        }

        // Our own converters (durations) throw with a message meant for clients; the reader's syntax
        // errors say where the JSON broke. Either way the path suffix repeats what the field says.
        var cut = text.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? text[..cut] : text;
    }

    /// <summary>
    /// What the value must be. A record bound through its constructor is named by the serializer in place of the
    /// parameter that failed ("could not be converted to ...CreateDeploymentBody. Path: $.strategy"), so when the
    /// named type holds the property the path ends in, that property's type is what the client got wrong.
    /// </summary>
    private static string Describe(string typeName, string? path)
    {
        var named = Resolve(typeName);
        var type = named is not null && MemberAt(named, path) is { } member ? member : named;
        return type is null ? DescribeName(typeName) : DescribeType(type);
    }

    private static string DescribeType(Type type)
    {
        var inner = Nullable.GetUnderlyingType(type) ?? type;
        return inner switch
        {
            _ when inner == typeof(Guid) => "a uuid",
            _ when inner == typeof(int) || inner == typeof(long) || inner == typeof(short) => "an integer",
            _ when inner == typeof(double) || inner == typeof(float) || inner == typeof(decimal) => "a number",
            _ when inner == typeof(bool) => "true or false",
            _ when inner == typeof(string) => "a string",
            _ when inner == typeof(DateTimeOffset) || inner == typeof(DateTime) => "an RFC 3339 timestamp",
            _ when inner == typeof(TimeSpan) => Duration,
            _ when inner == typeof(Uri) => "a URL",
            { IsEnum: true } => $"one of: {string.Join(", ", Enum.GetNames(inner).Select(JsonNamingPolicy.SnakeCaseLower.ConvertName))}",
            _ when IsMap(inner) => "an object",
            _ when inner.IsArray || inner.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)) => "an array",
            _ => "an object",
        };
    }

    /// <summary>For a type name the running assemblies do not resolve (a generic over our own types, say): read it.</summary>
    private static string DescribeName(string typeName) =>
        typeName.Contains("Dictionary", StringComparison.Ordinal) ? "an object"
        : typeName.Contains("List", StringComparison.Ordinal) || typeName.Contains("Enumerable", StringComparison.Ordinal) || typeName.EndsWith("[]", StringComparison.Ordinal) ? "an array"
        : "an object";

    private const string Duration = "a duration such as \"30s\", \"5m\" or \"1h30m\"";

    private static bool IsMap(Type type) =>
        type.GetInterfaces().Append(type).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() is var d && (d == typeof(IDictionary<,>) || d == typeof(IReadOnlyDictionary<,>)));

    private static Type? Resolve(string typeName) =>
        Type.GetType(typeName) ?? AppDomain.CurrentDomain.GetAssemblies().Select(assembly => assembly.GetType(typeName)).FirstOrDefault(type => type is not null);

    /// <summary>The type of the property of <paramref name="container"/> that the path's last segment names ("steps[0]": an item of steps).</summary>
    private static Type? MemberAt(Type container, string? path)
    {
        if (path is null || container.IsPrimitive || container == typeof(string) || container.IsEnum || IsMap(container))
        {
            return null;
        }

        var last = path[(path.LastIndexOf('.') + 1)..];
        var indexed = last.EndsWith(']');
        var name = indexed ? last[..last.IndexOf('[', StringComparison.Ordinal)] : last;
        var property = container.GetProperties().FirstOrDefault(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name) == name);
        if (property is null)
        {
            return null;
        }

        return indexed ? ItemType(property.PropertyType) : property.PropertyType;
    }

    private static Type? ItemType(Type sequence) =>
        sequence.IsArray ? sequence.GetElementType()
        : sequence.GetInterfaces().Append(sequence).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    [GeneratedRegex(@"could not be converted to (?<type>[^\s]+?)\.?(\s|$)")]
    private static partial Regex ConvertedTo();
}
