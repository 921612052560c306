using System.Text.Json;
using System.Text.Json.Serialization;

namespace Deployments.Api.Seeds.Mengi;

/// <summary>Request to promote/migrate a deployment to another cluster (Mengi's schema, by its name).</summary>
internal sealed record DeploymentPromotionRequest(Guid? TargetClusterId = null, string? NewName = null, bool DeleteSource = false, DeploymentUpdate? Overrides = null);

/// <summary>Mengi's changes to the promoted deployment: every field it documents, whether or not a driver here acts on it.</summary>
internal sealed record DeploymentUpdate(
    string? Name = null,
    IReadOnlyDictionary<string, JsonElement>? Config = null,
    double? CpuRequest = null,
    int? MemoryRequestMb = null,
    int? Replicas = null,
    int? ContainerPort = null,
    int? StorageSizeGb = null,
    IReadOnlyList<EnvironmentVariable>? EnvironmentVariables = null,
    string? DockerImage = null,
    IReadOnlyList<VolumeConfig>? Volumes = null,
    string? HelmChartVersion = null,
    string? CustomValuesYaml = null,
    string? ImageUpdateStrategy = null,
    string? ImageUpdateConstraint = null,
    string? ImageAllowTags = null,
    string? ImageIgnoreTags = null);

/// <summary>One of Mengi's environment variables: a literal value, a secret reference, or (as its sample sends) both.</summary>
internal sealed record EnvironmentVariable(string? Name = null, string? Value = null, string? SecretRef = null);

/// <summary>Volume configuration for persistent storage; Mengi spells its size <c>sizeGb</c>.</summary>
internal sealed record VolumeConfig(string? Path = null, [property: JsonPropertyName("sizeGb")] int? SizeGb = null, string? Purpose = null);

/// <summary>Response after promoting a deployment.</summary>
internal sealed record DeploymentPromotionResponse(Guid SourceDeploymentId, Guid NewDeploymentId, Guid TargetClusterId, bool SourceDeleted, string Message);
