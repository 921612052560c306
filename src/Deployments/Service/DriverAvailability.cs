using Deployments.Drivers;
using Deployments.Refusals;

namespace Deployments.Service;

/// <summary>Refuses, as a conflict with this host, any use of a driver that the host does not run.</summary>
internal static class DriverAvailability
{
    /// <exception cref="CommandRefusedException">This host does not run <paramref name="driver"/>; the message says why.</exception>
    public static void RequireAvailable(this TargetDriverRegistry drivers, string driver)
    {
        if (drivers.UnavailableReason(driver) is { } reason)
        {
            throw new CommandRefusedException(reason);
        }
    }
}
