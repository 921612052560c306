using System.Text;
using System.Text.Json.Nodes;

namespace Deployments.Server.Tests.BadInput;

/// <summary>One malformed request: what was done to the body, the bytes sent, their content type, and the path.</summary>
public sealed record MalformedRequest(string What, byte[] Body, string ContentType, string Path)
{
    /// <summary>For a value of the wrong type: the field the problem must name and what its message must say was expected.</summary>
    public (string Field, string Message)? Expected { get; init; }
}

/// <summary>
/// Generates requests that must all be refused: broken JSON, other roots, wrong types in every field,
/// values out of bounds, invalid uuids and enums, unknown fields, nulls where none may be, nested garbage,
/// missing required fields, a wrong content type and an oversized body. Every mutation is invalid whatever
/// the state of the server, so every one must be a 4xx and none may write.
/// </summary>
public static class MalformedBodies
{
    private static readonly JsonNode?[] NotAString = [42, true, new JsonObject(), new JsonArray(), 1.5];
    private static readonly JsonNode?[] NotANumber = ["7", true, new JsonObject(), new JsonArray()];
    private static readonly JsonNode?[] NotABool = ["true", 1, new JsonObject(), new JsonArray()];
    private static readonly JsonNode?[] NotAnObject = ["x", 42, new JsonArray(), true];
    private static readonly JsonNode?[] NotAnArray = ["x", 42, new JsonObject(), true];
    private static readonly string[] NotUuids = ["not-a-uuid", "", "1234", "{zzz}", "00000000-0000-0000-0000-00000000000g", "6b3c2f2e00004000800000000000000000"];
    private static readonly string[] NotDurations = ["soon", "-5s", "99999999999999h", "5 minutes", "1d"];

    public static IEnumerable<MalformedRequest> For(BodyEndpoint endpoint)
    {
        var template = endpoint.Template.ToJsonString();
        MalformedRequest Raw(string what, string body, string contentType = "application/json") => new(what, Encoding.UTF8.GetBytes(body), contentType, endpoint.Path);

        foreach (var broken in new[] { "{", "}", "{\"", "[", "nul", "tru", "{\"a\":}", "{'single': 'quotes'}", "{\"a\" 1}", "{/* comment */}", "\u0000" })
        {
            yield return Raw($"broken JSON {broken}", broken);
        }

        foreach (var cut in Enumerable.Range(1, 8).Select(i => template.Length * i / 9).Distinct())
        {
            yield return Raw($"truncated at {cut}", template[..cut]);
        }

        foreach (var root in new[] { "[]", "[{}]", "\"text\"", "42", "true", "3.14" })
        {
            yield return Raw($"root {root}", root);
        }

        if (endpoint.Template.Count > 0)
        {
            yield return Raw("trailing comma", template[..^1] + ",}");
            var first = endpoint.Template.First();
            yield return Raw("duplicate field", template[..^1] + $",\"{first.Key}\":{first.Value?.ToJsonString() ?? "null"}}}");
        }

        yield return Raw("nested 100 deep", string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100));
        yield return Raw("wrong content type", template.Length > 2 ? template : "{\"x\":1}", "text/plain");
        yield return Raw("form content type", "a=1&b=2", "application/x-www-form-urlencoded");
        yield return new("invalid UTF-8", [(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}'], "application/json", endpoint.Path);
        yield return Raw("body over 1 MiB", "{\"x\":\"" + new string('x', 1_100_000) + "\"}");
        yield return With(endpoint, "unknown field", body => body["unexpected_field"] = 1);
        yield return With(endpoint, "nested garbage", body => body["garbage"] = JsonNode.Parse("{\"a\":[{\"b\":{\"c\":[1,{\"d\":null}]}}]}"));

        foreach (var required in endpoint.Required)
        {
            yield return With(endpoint, $"without {required}", body => body.Remove(required));
        }

        if (endpoint.PathWithBadId is { } badPath)
        {
            yield return new("invalid uuid in the route", Encoding.UTF8.GetBytes(template), "application/json", badPath);
        }

        foreach (var request in Fields(endpoint, endpoint.Template, string.Empty))
        {
            yield return request;
        }
    }

    /// <summary>Mutations of every field, recursing into objects, maps and the first item of arrays.</summary>
    private static IEnumerable<MalformedRequest> Fields(BodyEndpoint endpoint, JsonNode node, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                var isMap = endpoint.Maps.Contains(path);
                if (path.Length > 0)
                {
                    foreach (var wrong in NotAnObject)
                    {
                        yield return WrongType(endpoint, path, wrong, "must be an object");
                    }
                }

                if (isMap)
                {
                    yield return At(endpoint, path, $"{path} with a null entry", n => Add(n, "entry", null));
                    yield return At(endpoint, path, $"{path} with an array entry", n => Add(n, "entry", new JsonArray(1, 2)));
                }
                else if (path.Length > 0)
                {
                    yield return At(endpoint, path, $"{path} with an unknown field", n => Add(n, "unexpected_field", "x"));
                }

                foreach (var (name, child) in obj.ToList())
                {
                    if (child is null)
                    {
                        continue;
                    }

                    foreach (var request in Fields(endpoint, child, path.Length == 0 ? name : $"{path}.{name}"))
                    {
                        yield return request;
                    }
                }

                break;
            case JsonArray array:
                foreach (var wrong in NotAnArray)
                {
                    yield return WrongType(endpoint, path, wrong, "must be an array");
                }

                yield return At(endpoint, path, $"{path} with a null item", _ => new JsonArray(null, array.Count > 0 ? array[0]?.DeepClone() : 1));
                yield return At(endpoint, path, $"{path} with 1001 items", _ => new JsonArray([.. Enumerable.Range(0, 1001).Select(_ => array.Count > 0 ? array[0]?.DeepClone() : JsonValue.Create(1))]));
                if (array.Count > 0 && array[0] is { } item)
                {
                    foreach (var request in Fields(endpoint, item, $"{path}[0]"))
                    {
                        yield return request;
                    }
                }

                break;
            case JsonValue value when value.TryGetValue<string>(out var text):
                foreach (var wrong in NotAString)
                {
                    yield return WrongType(endpoint, path, wrong, ExpectedOfText(endpoint, path, text));
                }

                yield return At(endpoint, path, $"{path} of 20000 characters", _ => new string('z', 20_000));
                if (Guid.TryParse(text, out _))
                {
                    foreach (var bad in NotUuids)
                    {
                        yield return At(endpoint, path, $"{path} = '{bad}'", _ => bad);
                    }
                }

                if (endpoint.Enums.Contains(path))
                {
                    yield return At(endpoint, path, $"{path} = no-such-value", _ => "no-such-value") with { Expected = (path, "must be one of") };
                    yield return At(endpoint, path, $"{path} as its ordinal", _ => 1) with { Expected = (path, "must be one of") };
                }

                if (text.Length > 1 && char.IsAsciiDigit(text[0]) && text[^1] is 's' or 'm' or 'h')
                {
                    foreach (var bad in NotDurations)
                    {
                        yield return At(endpoint, path, $"{path} = '{bad}'", _ => bad);
                    }
                }

                if (endpoint.NeverNull.Contains(path))
                {
                    yield return At(endpoint, path, $"{path} = null", _ => null);
                }

                break;
            case JsonValue value when value.TryGetValue<bool>(out _):
                foreach (var wrong in NotABool)
                {
                    yield return WrongType(endpoint, path, wrong, "must be true or false");
                }

                if (endpoint.NeverNull.Contains(path))
                {
                    yield return At(endpoint, path, $"{path} = null", _ => null);
                }

                break;
            case JsonValue value:
                foreach (var wrong in NotANumber)
                {
                    yield return WrongType(endpoint, path, wrong, value.TryGetValue<int>(out _) ? "must be an integer" : "must be a number");
                }

                if (value.TryGetValue<int>(out _))
                {
                    yield return At(endpoint, path, $"{path} = 1.5", _ => 1.5);
                    yield return At(endpoint, path, $"{path} = 99999999999", _ => 99_999_999_999);
                    yield return At(endpoint, path, $"{path} = 1e400", _ => JsonNode.Parse("1e400"));
                }

                if (endpoint.NeverNull.Contains(path))
                {
                    yield return At(endpoint, path, $"{path} = null", _ => null);
                }

                break;
        }
    }

    /// <summary>A value of another JSON type at <paramref name="path"/>, whose refusal must say what was expected.</summary>
    private static MalformedRequest WrongType(BodyEndpoint endpoint, string path, JsonNode? wrong, string expected) =>
        At(endpoint, path, $"{path} as {wrong?.ToJsonString()}", _ => wrong?.DeepClone()) with { Expected = (path, expected) };

    /// <summary>What a text field's refusal must name: its enum's values, a uuid, a duration, or just a string.</summary>
    private static string ExpectedOfText(BodyEndpoint endpoint, string path, string text) =>
        endpoint.Enums.Contains(path) ? "must be one of"
        : Guid.TryParse(text, out _) ? "must be a uuid"
        : text.Length > 1 && char.IsAsciiDigit(text[0]) && text[^1] is 's' or 'm' or 'h' ? "must be a duration"
        : "must be a string";

    private static JsonObject Add(JsonNode node, string name, JsonNode? value)
    {
        var copy = node.DeepClone().AsObject();
        copy[name] = value;
        return copy;
    }

    private static MalformedRequest With(BodyEndpoint endpoint, string what, Action<JsonObject> change)
    {
        var body = endpoint.Template.DeepClone().AsObject();
        change(body);
        return new(what, Encoding.UTF8.GetBytes(body.ToJsonString()), "application/json", endpoint.Path);
    }

    /// <summary>The template with the node at <paramref name="path"/> replaced.</summary>
    private static MalformedRequest At(BodyEndpoint endpoint, string path, string what, Func<JsonNode, JsonNode?> replace)
    {
        var body = endpoint.Template.DeepClone();
        var (parent, key, index) = Locate(body, path);
        var current = key is not null ? parent[key]! : parent[index]!;
        var replacement = replace(current);
        if (key is not null)
        {
            parent.AsObject()[key] = replacement;
        }
        else
        {
            parent.AsArray()[index] = replacement;
        }

        return new(what, Encoding.UTF8.GetBytes(body.ToJsonString()), "application/json", endpoint.Path);
    }

    /// <summary>Finds the parent of "a.b[0].c": segments split on dots, "[0]" indexing the first item.</summary>
    internal static (JsonNode Parent, string? Key, int Index) Locate(JsonNode root, string path)
    {
        var steps = new List<(string? Key, int Index)>();
        foreach (var segment in path.Split('.'))
        {
            var name = segment;
            var indexes = new List<int>();
            while (name.EndsWith(']'))
            {
                var open = name.LastIndexOf('[');
                indexes.Insert(0, int.Parse(name[(open + 1)..^1], System.Globalization.CultureInfo.InvariantCulture));
                name = name[..open];
            }

            if (name.Length > 0)
            {
                steps.Add((name, -1));
            }

            steps.AddRange(indexes.Select(i => ((string?)null, i)));
        }

        var parent = root;
        foreach (var (key, index) in steps[..^1])
        {
            parent = key is not null ? parent[key]! : parent[index]!;
        }

        return (parent, steps[^1].Key, steps[^1].Index);
    }
}
