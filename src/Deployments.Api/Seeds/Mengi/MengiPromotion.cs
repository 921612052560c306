using System.Text.Json;
using Deployments.Api.Apis;
using Deployments.Model;
using Deployments.Refusals;
using Deployments.Rules;

namespace Deployments.Api.Seeds.Mengi;

/// <summary>
/// A <see cref="DeploymentPromotionRequest"/> in this product's terms. Mengi's server (pydantic) takes every
/// combination its sample sends, so this does too, reading each field as Mengi means it: <c>overrides.name</c> and
/// <c>new_name</c> both name the new app (the override wins, as overrides are applied last); a variable with a
/// <c>secret_ref</c> takes the secret, its <c>value</c> set aside; each volume's <c>path</c> is a volume the
/// revision mounts. What no driver here acts on (volume sizes and purposes, Helm and image-update settings) is
/// recorded as annotations of the new app, and the answer's message lists it, so nothing sent is lost unsaid.
/// </summary>
/// <param name="Name">The new app's name; null keeps the domain's default (the source's name and the cluster's).</param>
/// <param name="Overrides">The changes to the copied revision.</param>
/// <param name="Annotations">What was recorded rather than acted on, under <see cref="AnnotationPrefix"/>.</param>
/// <param name="Notes">Sentences for the answer's message saying what was recorded or set aside.</param>
internal sealed record MengiPromotion(string? Name, RevisionOverrides? Overrides, IReadOnlyDictionary<string, string>? Annotations, IReadOnlyList<string> Notes)
{
    public const string AnnotationPrefix = "mengi.";

    public static MengiPromotion Of(DeploymentPromotionRequest request)
    {
        var errors = new List<ValidationError>();
        Names.Optional(errors, "new_name", request.NewName);
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        if (request.Overrides is not { } update)
        {
            return new(request.NewName, null, null, []);
        }

        var overrides = new ClusterOverridesBody(
            Config: update.Config?.ToDictionary(c => c.Key, c => c.Value.ValueKind == JsonValueKind.String ? c.Value.GetString()! : c.Value.GetRawText(), StringComparer.Ordinal),
            Resources: update.Volumes is { } volumes ? new ResourceOverrides(Volumes: volumes.Select(v => v.Path!).ToList()) : null,
            Name: update.Name,
            Replicas: update.Replicas,
            DockerImage: update.DockerImage,
            EnvironmentVariables: update.EnvironmentVariables?.Select(v => new EnvironmentVariableBody(v.Name, v.SecretRef is null ? v.Value : null, v.SecretRef)).ToList(),
            ContainerPort: update.ContainerPort,
            CpuRequest: update.CpuRequest,
            MemoryRequestMb: update.MemoryRequestMb,
            StorageSizeGb: update.StorageSizeGb);
        CheckVolumes(errors, update.Volumes);
        foreach (var (field, negative) in new[] { ("cpu_request", update.CpuRequest < 0), ("memory_request_mb", update.MemoryRequestMb < 0) })
        {
            if (negative)
            {
                // The domain says "resources must not be negative" of them together; Mengi's client sent one field.
                errors.Add(new($"overrides.{field}", "must not be negative"));
            }
        }

        var annotations = Recorded(update);
        foreach (var (key, value) in annotations.Where(a => a.Value.Length > InputLimits.MaxMetadataValueLength))
        {
            errors.Add(new($"overrides.{key[AnnotationPrefix.Length..]}", $"must be at most {InputLimits.MaxMetadataValueLength} characters, to be recorded on the new app"));
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        overrides.Check(newName: null);
        return new(update.Name ?? request.NewName, overrides.ToOverrides(), annotations.Count == 0 ? null : annotations, NotesOn(update, annotations));
    }

    private static void CheckVolumes(List<ValidationError> errors, IReadOnlyList<VolumeConfig>? volumes)
    {
        foreach (var (volume, index) in (volumes ?? []).Select((v, i) => (v, i)))
        {
            if (string.IsNullOrWhiteSpace(volume.Path))
            {
                errors.Add(new($"overrides.volumes[{index}].path", "is required"));
            }
        }
    }

    /// <summary>The fields no driver here acts on, each under its own Mengi name; the volumes as Mengi sent them.</summary>
    private static Dictionary<string, string> Recorded(DeploymentUpdate update)
    {
        var recorded = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, value) in new[]
        {
            ("helm_chart_version", update.HelmChartVersion),
            ("custom_values_yaml", update.CustomValuesYaml),
            ("image_update_strategy", update.ImageUpdateStrategy),
            ("image_update_constraint", update.ImageUpdateConstraint),
            ("image_allow_tags", update.ImageAllowTags),
            ("image_ignore_tags", update.ImageIgnoreTags),
        })
        {
            if (value is not null)
            {
                recorded[AnnotationPrefix + field] = value;
            }
        }

        if (update.Volumes is { Count: > 0 } volumes)
        {
            recorded[AnnotationPrefix + "volumes"] = JsonSerializer.Serialize(volumes.Select(v => new Dictionary<string, object?> { ["path"] = v.Path, ["sizeGb"] = v.SizeGb, ["purpose"] = v.Purpose }));
        }

        return recorded;
    }

    private static List<string> NotesOn(DeploymentUpdate update, Dictionary<string, string> recorded)
    {
        var notes = new List<string>();
        if (recorded.Count > 0)
        {
            notes.Add($"Recorded on the new app as annotations, not acted on: {string.Join(", ", recorded.Keys)}.");
        }

        if ((update.EnvironmentVariables ?? []).Where(v => v is { SecretRef: not null, Value: not null }).Select(v => v.Name).ToList() is { Count: > 0 } both)
        {
            notes.Add($"Taken from secret_ref, value set aside: {string.Join(", ", both)}.");
        }

        return notes;
    }
}
