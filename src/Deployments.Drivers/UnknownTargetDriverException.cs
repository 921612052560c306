namespace Deployments.Drivers;

/// <summary>A cluster names a driver that is not registered; the message lists the ones that are.</summary>
public sealed class UnknownTargetDriverException : Exception
{
    /// <param name="driverName">The name the cluster asked for.</param>
    /// <param name="knownDrivers">The names this host does run, listed in the message so a typo is easy to spot.</param>
    public UnknownTargetDriverException(string driverName, IReadOnlyList<string> knownDrivers)
        : base($"No target driver is named '{driverName}'. Known drivers: {string.Join(", ", knownDrivers)}.")
    {
        DriverName = driverName;
        KnownDrivers = knownDrivers;
    }

    /// <summary>The conventional constructors (CA1032) name no driver; the registry uses the one that lists the known drivers.</summary>
    public UnknownTargetDriverException() : this("", []) { }

    /// <inheritdoc cref="UnknownTargetDriverException()"/>
    public UnknownTargetDriverException(string message) : base(message)
    {
        DriverName = "";
        KnownDrivers = [];
    }

    /// <inheritdoc cref="UnknownTargetDriverException()"/>
    public UnknownTargetDriverException(string message, Exception innerException) : base(message, innerException)
    {
        DriverName = "";
        KnownDrivers = [];
    }

    /// <summary>The name that matched no driver; empty when built without one.</summary>
    public string DriverName { get; }

    /// <summary>The registered names at the time, sorted; empty when built without them.</summary>
    public IReadOnlyList<string> KnownDrivers { get; }
}
