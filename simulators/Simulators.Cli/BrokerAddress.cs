using System.Globalization;

namespace WorkOrders.Simulators.Cli;

/// <summary><c>host:port</c> (port 1883 when left out).</summary>
public sealed record BrokerAddress(string Host, int Port)
{
    public static bool TryParse(string? text, out BrokerAddress address)
    {
        address = new("localhost", 1883);
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var colon = text.LastIndexOf(':');
        if (colon < 0)
        {
            address = new(text, 1883);
            return true;
        }

        if (colon == 0 || !int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            return false;
        }

        address = new(text[..colon], port);
        return true;
    }
}
