using System.Net.Sockets;

namespace DevStorage;

/// <summary>Checks whether something accepts TCP connections at a host and port.</summary>
/// <remarks>
/// A bare TCP connect rather than a storage request: it needs no credentials, no SDK and no
/// knowledge of which emulator (Azurite, a container, the legacy emulator) is behind the port.
/// </remarks>
internal static class PortProbe
{
    public static async Task<bool> IsOpenAsync(string host, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(host, port, timeoutSource.Token);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Our own timeout, not the caller's cancellation: treat a silent host as closed.
            return false;
        }
    }
}
