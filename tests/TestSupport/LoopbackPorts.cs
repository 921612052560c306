using System.Net;
using System.Net.Sockets;

namespace TestSupport;

/// <summary>Ports for child processes that cannot report the port they bound (port 0): one the OS says is free now.</summary>
public static class LoopbackPorts
{
    /// <summary>A port free on 127.0.0.1 at this moment; another process could take it before the caller binds it.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
