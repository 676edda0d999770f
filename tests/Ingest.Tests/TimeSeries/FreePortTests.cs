using System.Net;
using System.Net.Sockets;
using WorkOrders.Testing;

namespace WorkOrders.Ingest.Tests.TimeSeries;

public sealed class FreePortTests
{
    [Fact]
    public void Next_NeverHandsOutTheSamePortTwice()
    {
        var ports = Enumerable.Range(0, 50).Select(_ => FreePort.Next()).ToList();

        Assert.Equal(ports.Count, ports.Distinct().Count());
    }

    [Fact]
    public void Next_ReturnsAPortThatALoopbackListenerCanBind()
    {
        var port = FreePort.Next();

        using var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        Assert.Equal(port, ((IPEndPoint)listener.LocalEndpoint).Port);
    }
}
