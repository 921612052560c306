using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Deployments.Refusals;

namespace Deployments.Api.Http;

/// <summary>
/// Checks a parsed body against the bounds of <see cref="RequestLimits"/>, refuses strings and field names that
/// are not text (<see cref="JsonText"/>) and nulls inside lists and maps (which the serializer would let through, to fail later as a 500), walking the JSON beside the
/// type it will become. Every error names its field path, as the domain's own validation does.
/// </summary>
internal static class JsonShapeCheck
{
    public static IReadOnlyList<ValidationError> Check(JsonElement root, JsonTypeInfo type)
    {
        var errors = new List<ValidationError>();
        Walk(root, type, string.Empty, errors);
        return errors;
    }

    private static void Walk(JsonElement element, JsonTypeInfo? type, string path, List<ValidationError> errors)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                CheckString(element, path, errors);
                break;
            case JsonValueKind.Array:
                WalkArray(element, type, path, errors);
                break;
            case JsonValueKind.Object:
                WalkObject(element, type, path, errors);
                break;
        }
    }

    private static void CheckString(JsonElement element, string path, List<ValidationError> errors)
    {
        if (!JsonText.TryGetString(element, out var text))
        {
            errors.Add(new(Field(path), JsonText.NotText));
        }
        else if (text.Length > RequestLimits.MaxStringLength)
        {
            errors.Add(new(Field(path), $"must be at most {RequestLimits.MaxStringLength} characters"));
        }
    }

    private static void WalkArray(JsonElement array, JsonTypeInfo? type, string path, List<ValidationError> errors)
    {
        if (array.GetArrayLength() > RequestLimits.MaxArrayItems)
        {
            errors.Add(new(Field(path), $"must have at most {RequestLimits.MaxArrayItems} items"));
            return;
        }

        var itemType = type is { Kind: JsonTypeInfoKind.Enumerable, ElementType: { } element } ? type.Options.GetTypeInfo(element) : null;
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var itemPath = $"{path}[{index++}]";
            if (item.ValueKind == JsonValueKind.Null)
            {
                errors.Add(new(itemPath, "must not be null"));
            }
            else
            {
                Walk(item, itemType, itemPath, errors);
            }
        }
    }

    private static void WalkObject(JsonElement obj, JsonTypeInfo? type, string path, List<ValidationError> errors)
    {
        var count = 0;
        foreach (var property in obj.EnumerateObject())
        {
            if (++count > RequestLimits.MaxObjectProperties)
            {
                errors.Add(new(Field(path), $"must have at most {RequestLimits.MaxObjectProperties} fields"));
                return;
            }

            if (!JsonText.TryGetName(property, out var name))
            {
                errors.Add(new(Field(path), $"has a field name that {JsonText.NotText}"));
                continue;
            }

            var propertyPath = path.Length == 0 ? name : $"{path}.{name}";
            if (name.Length > RequestLimits.MaxStringLength)
            {
                errors.Add(new(Field(path), $"has a field name longer than {RequestLimits.MaxStringLength} characters"));
                continue;
            }

            if (type?.Kind == JsonTypeInfoKind.Dictionary)
            {
                // A map's values are never optional: a null entry is a mistake, not a way to say "absent",
                // except in a map of removable entries, where null removes the key.
                if (property.Value.ValueKind == JsonValueKind.Null && type.Type != typeof(RemovableEntries))
                {
                    errors.Add(new(propertyPath, "must not be null"));
                    continue;
                }

                Walk(property.Value, type.ElementType is { } valueType ? type.Options.GetTypeInfo(valueType) : null, propertyPath, errors);
                continue;
            }

            var member = type?.Kind == JsonTypeInfoKind.Object ? type.Properties.FirstOrDefault(p => p.Name == name) : null;
            Walk(property.Value, member is null ? null : type!.Options.GetTypeInfo(member.PropertyType), propertyPath, errors);
        }
    }

    private static string Field(string path) => path.Length == 0 ? JsonErrors.BodyField : path;
}
