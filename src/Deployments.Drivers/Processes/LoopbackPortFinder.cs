using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Deployments.Drivers.Processes;

/// <summary>
/// Picks a free 127.0.0.1 port for a new allocation. The port is free only until the child binds it, a few hundred
/// milliseconds later; concurrent placements in that window could be handed the same port by the kernel, so ports
/// handed out recently are held back. (A clash with a foreign process remains possible: the child then fails to bind
/// and exits, which health reports as Lost, or the identity header exposes the impostor.)
/// </summary>
internal sealed class LoopbackPortFinder(TimeProvider time)
{
    private static readonly TimeSpan HoldBack = TimeSpan.FromMinutes(2);
    private const int MaxTries = 50;

    private readonly ConcurrentDictionary<int, DateTimeOffset> _recentlyIssued = new();

    public int FindFreePort()
    {
        var now = time.GetUtcNow();
        ForgetExpired(now);
        for (var attempt = 0; attempt < MaxTries; attempt++)
        {
            var port = AskKernelForPort();
            if (_recentlyIssued.TryAdd(port, now))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"No free loopback port found in {MaxTries} tries.");
    }

    private static int AskKernelForPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    private void ForgetExpired(DateTimeOffset now)
    {
        foreach (var (port, issuedAt) in _recentlyIssued)
        {
            if (now - issuedAt > HoldBack)
            {
                _recentlyIssued.TryRemove(port, out _);
            }
        }
    }
}
