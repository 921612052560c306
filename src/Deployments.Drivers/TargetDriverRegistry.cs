namespace Deployments.Drivers;

/// <summary>Finds the driver a cluster names. Names compare case-insensitively: they come from hand-written cluster definitions.</summary>
public sealed class TargetDriverRegistry
{
    private readonly Dictionary<string, ITargetDriver> _drivers = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _unavailable = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Built by dependency injection from every registered driver and every refusal.</summary>
    /// <param name="drivers">The drivers this host runs; a refused one is left out even when registered.</param>
    /// <param name="unavailable">Drivers this host refuses, with the reason a user is told.</param>
    /// <exception cref="ArgumentException">Two drivers share a name (names compare case-insensitively).</exception>
    public TargetDriverRegistry(IEnumerable<ITargetDriver> drivers, IEnumerable<UnavailableTargetDriver>? unavailable = null)
    {
        ArgumentNullException.ThrowIfNull(drivers);
        foreach (var refused in unavailable ?? [])
        {
            _unavailable[refused.Name] = refused.Reason;
        }

        foreach (var driver in drivers.Where(d => !_unavailable.ContainsKey(d.Name)))
        {
            if (!_drivers.TryAdd(driver.Name, driver))
            {
                throw new ArgumentException($"Two target drivers are registered under the name '{driver.Name}'.", nameof(drivers));
            }
        }
    }

    /// <summary>Whether this host refuses some driver; when not, nothing needs to look up which driver a cluster names.</summary>
    public bool RefusesAny => _unavailable.Count > 0;

    /// <summary>Why this host does not run the named driver, or null when it may be used (or is simply unknown).</summary>
    public string? UnavailableReason(string name) => name is not null && _unavailable.TryGetValue(name, out var reason) ? reason : null;

    /// <summary>The names of the registered drivers, sorted.</summary>
    public IReadOnlyList<string> Names => [.. _drivers.Keys.Order(StringComparer.OrdinalIgnoreCase)];

    /// <exception cref="UnknownTargetDriverException">No driver has that name.</exception>
    /// <exception cref="InvalidOperationException">This host does not run that driver; the message says why.</exception>
    public ITargetDriver Get(string name) =>
        name is not null && _drivers.TryGetValue(name, out var driver)
            ? driver
            : UnavailableReason(name!) is { } reason
                ? throw new InvalidOperationException(reason)
                : throw new UnknownTargetDriverException(name ?? "", Names);
}
