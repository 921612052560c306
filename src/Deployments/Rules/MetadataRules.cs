using Deployments.Model;
using Deployments.Refusals;

namespace Deployments.Rules;

/// <summary>Labels and annotations (of apps and deployments) are for people and tools: bounded, so a document stays small.</summary>
internal static class MetadataRules
{
    /// <summary>A deployment's <c>metadata</c>, its fields named as the body names them.</summary>
    public static void Check(ICollection<ValidationError> errors, ResourceMetadata? metadata)
    {
        Check(errors, "metadata.labels", metadata?.Labels);
        Check(errors, "metadata.annotations", metadata?.Annotations);
    }

    public static void Check(ICollection<ValidationError> errors, string field, IReadOnlyDictionary<string, string>? entries)
    {
        if (entries is null)
        {
            return;
        }

        if (entries.Count > InputLimits.MaxMetadataEntries)
        {
            errors.Add(new(field, $"at most {InputLimits.MaxMetadataEntries} entries"));
        }

        foreach (var (key, value) in entries)
        {
            if (string.IsNullOrWhiteSpace(key) || key.Length > InputLimits.MaxMetadataKeyLength)
            {
                errors.Add(new($"{field}.{key}", $"keys are 1-{InputLimits.MaxMetadataKeyLength} characters"));
            }
            else if (value is null || value.Length > InputLimits.MaxMetadataValueLength)
            {
                errors.Add(new($"{field}.{key}", $"values are strings of at most {InputLimits.MaxMetadataValueLength} characters"));
            }
        }
    }
}
