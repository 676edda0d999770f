using System.Text;
using WorkOrders.EdgeAgent.Outbox;

namespace WorkOrders.EdgeAgent.Tests.Outbox;

public sealed class Crc32Tests
{
    [Fact]
    public void MatchesTheStandardCheckValue()
    {
        Assert.Equal(0xCBF43926u, Crc32.Compute(Encoding.ASCII.GetBytes("123456789")));
    }
}
