namespace Durable.Storage;

/// <summary>Names of a task hub's storage resources; tables keep the hub's case, queues and blobs need lower case.</summary>
internal sealed record TaskHubNames(string HubName, int PartitionCount)
{
    public string HistoryTable => $"{HubName}History";

    public string InstancesTable => $"{HubName}Instances";

    public string WorkItemQueue => $"{Lower}-workitems";

    public string PoisonQueue => $"{Lower}-poison";

    public string PayloadContainer => $"{Lower}-largemessages";

    public IReadOnlyList<string> ControlQueues { get; } =
        [.. Enumerable.Range(0, PartitionCount).Select(i => $"{HubName.ToLowerInvariant()}-control-{i:D2}")];

    private string Lower => HubName.ToLowerInvariant();

    /// <summary>A stable hash (FNV-1a), not string.GetHashCode, which differs between processes.</summary>
    public int PartitionOf(string instanceId)
    {
        var hash = 2166136261u;
        foreach (var c in instanceId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % (uint)PartitionCount);
    }

    public string ControlQueueFor(string instanceId) => ControlQueues[PartitionOf(instanceId)];

    public static void Validate(string hubName)
    {
        if (hubName.Length is < 3 or > 45 || !char.IsAsciiLetter(hubName[0]) || !hubName.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException($"Task hub name '{hubName}' must be 3 to 45 letters or digits and start with a letter.", nameof(hubName));
        }
    }
}
