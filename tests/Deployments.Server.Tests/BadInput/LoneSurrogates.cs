using System.Text;
using System.Text.Json.Nodes;

namespace Deployments.Server.Tests.BadInput;

/// <summary>A body with a lone UTF-16 surrogate escape in one place, and the field the refusal must name.</summary>
public sealed record SurrogateCase(string Field, MalformedRequest Request);

/// <summary>
/// Valid JSON that is not valid text: a "\ud800" escape decodes to half a character, which no storage,
/// header or log can hold. Generated into every string value and every map key of an endpoint's body.
/// </summary>
public static class LoneSurrogates
{
    public const string Escape = "\\ud800";

    private const string Marker = "lone-surrogate-marker";

    public static IEnumerable<SurrogateCase> For(BodyEndpoint endpoint) => Walk(endpoint, endpoint.Template, string.Empty);

    private static IEnumerable<SurrogateCase> Walk(BodyEndpoint endpoint, JsonNode node, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                if (endpoint.Maps.Contains(path) && obj.FirstOrDefault() is (_, { } sample))
                {
                    var body = endpoint.Template.DeepClone();
                    At(body, path).AsObject()[Marker] = sample.DeepClone();
                    yield return Case(endpoint, path, $"key of {path}", body, "key" + Escape);
                }

                foreach (var (name, child) in obj.ToList())
                {
                    if (child is not null)
                    {
                        foreach (var found in Walk(endpoint, child, path.Length == 0 ? name : $"{path}.{name}"))
                        {
                            yield return found;
                        }
                    }
                }

                break;
            case JsonArray array:
                if (array.Count > 0 && array[0] is { } item)
                {
                    foreach (var found in Walk(endpoint, item, $"{path}[0]"))
                    {
                        yield return found;
                    }
                }

                break;
            case JsonValue value when value.TryGetValue<string>(out _):
                var replaced = endpoint.Template.DeepClone();
                var (parent, key, index) = MalformedBodies.Locate(replaced, path);
                if (key is not null)
                {
                    parent.AsObject()[key] = Marker;
                }
                else
                {
                    parent.AsArray()[index] = Marker;
                }

                yield return Case(endpoint, path, path, replaced, "v" + Escape);
                break;
        }
    }

    private static SurrogateCase Case(BodyEndpoint endpoint, string field, string what, JsonNode body, string replacement) =>
        new(field.Length == 0 ? "body" : field, new MalformedRequest(
            $"lone surrogate in {what}", Encoding.UTF8.GetBytes(body.ToJsonString().Replace(Marker, replacement, StringComparison.Ordinal)), "application/json", endpoint.Path));

    private static JsonNode At(JsonNode root, string path)
    {
        var (parent, key, index) = MalformedBodies.Locate(root, path);
        return key is not null ? parent[key]! : parent[index]!;
    }
}
