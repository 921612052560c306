using Deployments.Model;
using Deployments.Refusals;

namespace Deployments.Rules;

/// <summary>Validation and construction of revisions from what a caller sends.</summary>
public static class RevisionRules
{
    /// <summary>Path probed for health when a revision gives none.</summary>
    public const string DefaultHealthPath = "/health";

    /// <param name="prefix">Where the spec's fields sit in the request: "revision." inside an app, "" at the top of a body.</param>
    public static IReadOnlyList<ValidationError> Validate(RevisionSpec spec, string prefix)
    {
        var errors = new List<ValidationError>();
        if (spec.Artifact is null)
        {
            errors.Add(new($"{prefix}artifact", "is required"));
        }
        else if (string.IsNullOrWhiteSpace(spec.Artifact.Command) && string.IsNullOrWhiteSpace(spec.Artifact.Image))
        {
            errors.Add(new($"{prefix}artifact.command", "an artifact needs a command or an image"));
        }

        InputLimits.CountAtMost(errors, $"{prefix}artifact.args", spec.Artifact?.Args?.Count, InputLimits.MaxArgs, "arguments");
        InputLimits.CountAtMost(errors, $"{prefix}config", spec.Config?.Count, InputLimits.MaxConfigEntries, "entries");
        InputLimits.CountAtMost(errors, $"{prefix}environment", spec.Environment?.Count, InputLimits.MaxEnvironmentVariables, "variables");
        foreach (var (name, value) in spec.Environment ?? new Dictionary<string, EnvironmentValue>())
        {
            if (string.IsNullOrWhiteSpace(name) || name.Contains('=', StringComparison.Ordinal))
            {
                errors.Add(new($"{prefix}environment", $"'{name}' is not a valid variable name"));
            }
            else if ((value.Value is null) == (value.SecretRef is null))
            {
                errors.Add(new($"{prefix}environment.{name}", "give exactly one of value and secret_ref"));
            }
        }

        if (spec.HealthPath is { } path && !path.StartsWith('/'))
        {
            errors.Add(new($"{prefix}health_path", "must start with '/'"));
        }

        if (spec.Resources is { } resources && (resources.Cpu < 0 || resources.MemoryMb < 0 || resources.DiskMb < 0 || resources.StorageMb < 0))
        {
            errors.Add(new($"{prefix}resources", "must not be negative"));
        }

        if (spec.Resources is { } bounded)
        {
            InputLimits.AtMost(errors, $"{prefix}resources.cpu", (long)Math.Ceiling(Math.Min(bounded.Cpu, long.MaxValue)), (long)InputLimits.MaxCpu, " cores");
            InputLimits.AtMost(errors, $"{prefix}resources.memory_mb", bounded.MemoryMb, InputLimits.MaxMemoryMb);
            InputLimits.AtMost(errors, $"{prefix}resources.disk_mb", bounded.DiskMb, InputLimits.MaxDiskMb);
            InputLimits.AtMost(errors, $"{prefix}resources.storage_mb", bounded.StorageMb, InputLimits.MaxDiskMb);
            InputLimits.CountAtMost(errors, $"{prefix}resources.volumes", bounded.Volumes?.Count, InputLimits.MaxVolumes, "volumes");
        }

        if (spec.Resources?.Port is { } port && port is < 1 or > 65535)
        {
            errors.Add(new($"{prefix}resources.port", "must be between 1 and 65535"));
        }

        return errors;
    }

    /// <summary>Builds revision <paramref name="number"/> of an app from a spec already validated, with defaults filled in.</summary>
    public static Revision Create(Guid appId, int number, RevisionSpec spec, DateTimeOffset now) => new(
        appId,
        number,
        spec.Artifact with { Args = spec.Artifact.Args ?? [] },
        spec.Config ?? new Dictionary<string, string>(),
        spec.Environment ?? new Dictionary<string, EnvironmentValue>(),
        spec.Resources is { } resources ? resources with { Volumes = resources.Volumes ?? [] } : new Resources(0.1, 128, 256, 0, null, []),
        spec.HealthPath ?? DefaultHealthPath,
        Stable: false,
        now);

    /// <summary>The spec of an existing revision with any overridden parts replaced.</summary>
    public static RevisionSpec Override(Revision source, RevisionOverrides? overrides) => new(
        overrides?.Artifact ?? source.Artifact,
        overrides?.Config is { } config ? source.Config.Concat(config).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value) : source.Config,
        overrides?.Environment is { } environment ? source.Environment.Concat(environment).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value) : source.Environment,
        overrides?.Resources?.ApplyTo(source.Resources) ?? source.Resources,
        overrides?.HealthPath ?? source.HealthPath);
}
