using Deployments.Model;
using Deployments.Refusals;
using Deployments.Rules;

namespace Deployments.Api.Apis;

/// <summary>Checks of deployment requests that only the HTTP edge can make, because only it knows the body's field names.</summary>
internal static class DeploymentBodyRules
{
    /// <summary>A reason is a sentence on the timeline, not a document.</summary>
    private const int MaxReasonLength = InputLimits.MaxReasonLength;

    public static void CheckReason(string? reason)
    {
        if (reason is { Length: > MaxReasonLength })
        {
            throw new ValidationException([new ValidationError("reason", $"must be at most {MaxReasonLength} characters")]);
        }
    }

    /// <summary>The artifact fields describe a new revision; sent without an artifact they would be silently dropped.</summary>
    public static void CheckCreate(CreateDeploymentBody body)
    {
        var errors = new List<ValidationError>();
        if (body.AppId is null)
        {
            errors.Add(new("app_id", "is required"));
        }

        if (body.Artifact is null)
        {
            foreach (var (field, sent) in new[] { ("config", body.Config is not null), ("environment", body.Environment is not null), ("resources", body.Resources is not null), ("health_path", body.HealthPath is not null) })
            {
                if (sent)
                {
                    errors.Add(new(field, "describes a new revision: send it together with an artifact"));
                }
            }
        }

        if (body.Reason is { Length: > MaxReasonLength })
        {
            errors.Add(new("reason", $"must be at most {MaxReasonLength} characters"));
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
    }

    public static void CheckPromoteToCluster(PromoteToClusterBody body)
    {
        var errors = new List<ValidationError>();
        if (body.TargetClusterId is null)
        {
            errors.Add(new("target_cluster_id", "is required"));
        }

        Names.Optional(errors, "new_name", body.NewName);
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
    }

    public static IReadOnlyList<DeploymentStatus> ParseStatuses(string[]? values)
    {
        var statuses = new List<DeploymentStatus>();
        foreach (var value in (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!Enum.TryParse<DeploymentStatus>(value, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(value, out _))
            {
                throw new ValidationException([new ValidationError("status", $"'{(value.Length > 32 ? value[..32] : value)}' is not one of: {string.Join(", ", Enum.GetNames<DeploymentStatus>().Select(n => n.ToLowerInvariant()))}")]);
            }

            statuses.Add(parsed);
        }

        return statuses;
    }
}
