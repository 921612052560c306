using System.Text;

namespace Deployments.Drivers;

/// <summary>A cluster a rollout acts on: which driver reaches it and that driver's settings.</summary>
/// <param name="ClusterId">The cluster's id as the control plane stores it; drivers put it in errors and in state paths.</param>
/// <param name="Driver">The name of the driver that reaches the cluster, matched by <see cref="TargetDriverRegistry"/>.</param>
/// <param name="Settings">The driver's own settings for this cluster, as written in the cluster definition (an endpoint, a secret, a state directory).</param>
/// <remarks>
/// Settings may hold credentials (a webhook secret), so the printed form shows only the setting names:
/// a record's default ToString would be one careless log line away from leaking them.
/// </remarks>
public sealed record ClusterTarget(string ClusterId, string Driver, IReadOnlyDictionary<string, string> Settings)
{
    /// <summary>The value of a setting, or null when the cluster does not set it.</summary>
    public string? GetSetting(string name) =>
        Settings.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("ClusterId = ").Append(ClusterId)
            .Append(", Driver = ").Append(Driver)
            .Append(", Settings = [").AppendJoin(", ", Settings.Keys.Order(StringComparer.Ordinal)).Append(']');
        return true;
    }
}
