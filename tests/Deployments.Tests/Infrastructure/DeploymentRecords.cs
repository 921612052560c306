using Deployments.Model;

namespace Deployments.Tests.Infrastructure;

/// <summary>A deployment record with every required field, for tests that write or read records directly.</summary>
internal static class DeploymentRecords
{
    public static Deployment New(Strategy strategy = Strategy.Rolling, DeploymentStatus status = DeploymentStatus.Pending, string description = StatusDescriptions.Pending)
    {
        var id = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        return new Deployment
        {
            Id = id,
            AppId = Guid.NewGuid(),
            Namespace = "default",
            ClusterId = Guid.NewGuid(),
            Revision = 1,
            Strategy = strategy,
            Options = new DeploymentOptions(),
            Status = status,
            StatusDescription = description,
            CreatedBy = "test",
            CreatedAt = now,
            UpdatedAt = now,
            InstanceId = $"deployment-{id:N}",
        };
    }
}
