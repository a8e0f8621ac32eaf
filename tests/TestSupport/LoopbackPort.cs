using System.Net;
using System.Net.Sockets;

namespace Changxing.TestSupport;

/// <summary>A loopback port nobody listens on right now: bound, read, released (for a process to start on, or to be refused).</summary>
public static class LoopbackPort
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
