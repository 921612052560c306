using Deployments.Model;
using Deployments.Refusals;
using Deployments.Rules;

namespace Deployments.Api.Apis;

/// <summary>
/// What a promotion to another cluster changes. It takes Mengi's override fields (<c>name</c>, <c>replicas</c>,
/// <c>docker_image</c>, <c>environment_variables</c>, <c>container_port</c>, <c>cpu_request</c>,
/// <c>memory_request_mb</c>, <c>storage_size_gb</c>) as well as this API's revision fields (<c>artifact</c>,
/// <c>environment</c>, <c>resources</c>, <c>groups</c>, ...); a field and its counterpart together are refused,
/// so no request says two things at once.
/// </summary>
internal sealed record ClusterOverridesBody(
    Artifact? Artifact = null,
    IReadOnlyDictionary<string, string>? Config = null,
    IReadOnlyDictionary<string, EnvironmentValue>? Environment = null,
    ResourceOverrides? Resources = null,
    string? HealthPath = null,
    IReadOnlyDictionary<string, int>? Groups = null,
    string? Name = null,
    int? Replicas = null,
    string? DockerImage = null,
    IReadOnlyList<EnvironmentVariableBody>? EnvironmentVariables = null,
    int? ContainerPort = null,
    double? CpuRequest = null,
    int? MemoryRequestMb = null,
    int? StorageSizeGb = null)
{
    /// <summary>Refuses a field sent with its counterpart, and Mengi fields the domain's own checks cannot name.</summary>
    public void Check(string? newName)
    {
        var errors = new List<ValidationError>();
        foreach (var (mengi, ours, both) in new[]
        {
            ("name", "new_name", Name is not null && newName is not null),
            ("replicas", "groups", Replicas is not null && Groups is not null),
            ("docker_image", "artifact", DockerImage is not null && Artifact is not null),
            ("environment_variables", "environment", EnvironmentVariables is not null && Environment is not null),
            ("container_port", "resources.port", ContainerPort is not null && Resources?.Port is not null),
            ("cpu_request", "resources.cpu", CpuRequest is not null && Resources?.Cpu is not null),
            ("memory_request_mb", "resources.memory_mb", MemoryRequestMb is not null && Resources?.MemoryMb is not null),
            ("storage_size_gb", "resources.storage_mb", StorageSizeGb is not null && Resources?.StorageMb is not null),
        })
        {
            if (both)
            {
                errors.Add(new($"overrides.{mengi}", $"says the same as {(ours == "new_name" ? ours : $"overrides.{ours}")}: send one of them"));
            }
        }

        Names.Optional(errors, "overrides.name", Name);
        if (Replicas is < 0 or > InputLimits.MaxInstancesPerGroup)
        {
            errors.Add(new("overrides.replicas", $"must be between 0 and {InputLimits.MaxInstancesPerGroup}"));
        }

        if (DockerImage is { } image && string.IsNullOrWhiteSpace(image))
        {
            errors.Add(new("overrides.docker_image", "must not be empty"));
        }

        if (StorageSizeGb is < 0 or > InputLimits.MaxDiskMb / 1024)
        {
            errors.Add(new("overrides.storage_size_gb", $"must be between 0 and {InputLimits.MaxDiskMb / 1024}"));
        }

        InputLimits.CountAtMost(errors, "overrides.environment_variables", EnvironmentVariables?.Count, InputLimits.MaxEnvironmentVariables, "variables");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (variable, index) in (EnvironmentVariables ?? []).Select((v, i) => (v, i)))
        {
            if (string.IsNullOrWhiteSpace(variable.Name))
            {
                errors.Add(new($"overrides.environment_variables[{index}].name", "is required"));
            }
            else if (!seen.Add(variable.Name))
            {
                errors.Add(new($"overrides.environment_variables[{index}].name", $"'{variable.Name}' appears more than once"));
            }
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
    }

    /// <summary>The new app's name: Mengi's <c>overrides.name</c> or the body's <c>new_name</c> (never both, see <see cref="Check"/>).</summary>
    public string? NameOr(string? newName) => Name ?? newName;

    public RevisionOverrides ToOverrides()
    {
        var resources = Resources ?? new ResourceOverrides();
        resources = resources with
        {
            Cpu = CpuRequest ?? resources.Cpu,
            MemoryMb = MemoryRequestMb ?? resources.MemoryMb,
            StorageMb = StorageSizeGb * 1024 ?? resources.StorageMb,
            Port = ContainerPort ?? resources.Port,
        };
        return new RevisionOverrides(
            DockerImage is { } image ? new Artifact(image, null, []) : Artifact,
            Config,
            EnvironmentVariables?.ToDictionary(v => v.Name!, v => new EnvironmentValue(v.Value, v.SecretRef), StringComparer.Ordinal) ?? Environment,
            resources == new ResourceOverrides() ? null : resources,
            HealthPath,
            Groups,
            Replicas);
    }
}

/// <summary>One of Mengi's <c>environment_variables</c>: a literal value or a reference to a secret.</summary>
internal sealed record EnvironmentVariableBody(string? Name = null, string? Value = null, string? SecretRef = null);
