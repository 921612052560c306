namespace Durable;

/// <summary>Instance ids become table partition keys and blob name prefixes, which restrict their characters.</summary>
internal static class InstanceIds
{
    public const int MaxLength = 100;

    public static void Validate(string instanceId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        if (instanceId.Length > MaxLength)
        {
            throw new ArgumentException($"Instance id must be at most {MaxLength} characters.", nameof(instanceId));
        }

        if (instanceId.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c)))
        {
            throw new ArgumentException("Instance id must not contain '/', '\\', '#', '?' or control characters.", nameof(instanceId));
        }
    }
}
