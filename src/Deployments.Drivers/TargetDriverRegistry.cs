namespace Deployments.Drivers;

/// <summary>Finds the driver a cluster names. Names compare case-insensitively: they come from hand-written cluster definitions.</summary>
public sealed class TargetDriverRegistry
{
    private readonly Dictionary<string, ITargetDriver> _drivers = new(StringComparer.OrdinalIgnoreCase);

    public TargetDriverRegistry(IEnumerable<ITargetDriver> drivers)
    {
        ArgumentNullException.ThrowIfNull(drivers);
        foreach (var driver in drivers)
        {
            if (!_drivers.TryAdd(driver.Name, driver))
            {
                throw new ArgumentException($"Two target drivers are registered under the name '{driver.Name}'.", nameof(drivers));
            }
        }
    }

    /// <summary>The names of the registered drivers, sorted.</summary>
    public IReadOnlyList<string> Names => [.. _drivers.Keys.Order(StringComparer.OrdinalIgnoreCase)];

    /// <exception cref="UnknownTargetDriverException">No driver has that name.</exception>
    public ITargetDriver Get(string name) =>
        name is not null && _drivers.TryGetValue(name, out var driver)
            ? driver
            : throw new UnknownTargetDriverException(name ?? "", Names);
}
