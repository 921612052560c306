namespace Deployments.Drivers;

/// <summary>A cluster names a driver that is not registered; the message lists the ones that are.</summary>
public sealed class UnknownTargetDriverException : Exception
{
    public UnknownTargetDriverException(string driverName, IReadOnlyList<string> knownDrivers)
        : base($"No target driver is named '{driverName}'. Known drivers: {string.Join(", ", knownDrivers)}.")
    {
        DriverName = driverName;
        KnownDrivers = knownDrivers;
    }

    public UnknownTargetDriverException() : this("", []) { }

    public UnknownTargetDriverException(string message) : base(message)
    {
        DriverName = "";
        KnownDrivers = [];
    }

    public UnknownTargetDriverException(string message, Exception innerException) : base(message, innerException)
    {
        DriverName = "";
        KnownDrivers = [];
    }

    public string DriverName { get; }

    public IReadOnlyList<string> KnownDrivers { get; }
}
