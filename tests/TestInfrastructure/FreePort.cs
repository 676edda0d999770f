using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace WorkOrders.Testing;

/// <summary>Hands out loopback TCP ports that were free a moment ago; never the same one twice in a process.</summary>
public static class FreePort
{
    private static readonly ConcurrentDictionary<int, byte> HandedOut = new();

    /// <summary>A port that the kernel just gave to a listener on 127.0.0.1 and that was released again.</summary>
    public static int Next()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            if (HandedOut.TryAdd(port, 0))
            {
                return port;
            }
        }

        throw new InvalidOperationException("The kernel kept handing out loopback ports that this process had already used.");
    }
}
