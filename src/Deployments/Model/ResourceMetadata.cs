namespace Deployments.Model;

/// <summary>
/// Labels and annotations a person or tool attaches to a deployment, shaped as Cloud Foundry's
/// <c>metadata</c>: labels are short values to select by, annotations longer notes.
/// </summary>
public sealed record ResourceMetadata(IReadOnlyDictionary<string, string> Labels, IReadOnlyDictionary<string, string> Annotations)
{
    /// <summary>No labels and no annotations.</summary>
    public static readonly ResourceMetadata Empty = new(new Dictionary<string, string>(), new Dictionary<string, string>());

    /// <summary>The same entries (records compare their dictionaries by reference, not by content).</summary>
    public bool SameAs(ResourceMetadata other) => Same(Labels, other.Labels) && Same(Annotations, other.Annotations);

    private static bool Same(IReadOnlyDictionary<string, string> one, IReadOnlyDictionary<string, string> other) =>
        one.Count == other.Count && one.All(entry => other.TryGetValue(entry.Key, out var value) && value == entry.Value);
}

/// <summary>
/// A change of metadata, as Cloud Foundry's PATCH applies it: a key with a value sets it, a key with null
/// removes it, and keys left out stay as they are.
/// </summary>
public sealed record MetadataPatch(IReadOnlyDictionary<string, string?>? Labels, IReadOnlyDictionary<string, string?>? Annotations)
{
    /// <summary>The metadata <paramref name="current"/> becomes with this patch applied.</summary>
    public ResourceMetadata ApplyTo(ResourceMetadata current) => new(Apply(current.Labels, Labels), Apply(current.Annotations, Annotations));

    private static Dictionary<string, string> Apply(IReadOnlyDictionary<string, string> current, IReadOnlyDictionary<string, string?>? changes)
    {
        var result = new Dictionary<string, string>(current, StringComparer.Ordinal);
        foreach (var (key, value) in changes ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                result.Remove(key);
            }
            else
            {
                result[key] = value;
            }
        }

        return result;
    }
}
