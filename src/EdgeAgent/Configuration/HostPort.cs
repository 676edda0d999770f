using System.Globalization;

namespace WorkOrders.EdgeAgent.Configuration;

/// <summary>A <c>host:port</c> pair (<c>[::1]:1883</c> for IPv6).</summary>
public sealed record HostPort(string Host, int Port)
{
    public static bool TryParse(string? value, out HostPort result)
    {
        result = new HostPort("", 0);
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var colon = value.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(value.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            return false;
        }

        var host = value[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }

        if (host.Length == 0 || host.Any(char.IsWhiteSpace))
        {
            return false;
        }

        result = new HostPort(host, port);
        return true;
    }

    public static HostPort Parse(string? value) =>
        TryParse(value, out var result) ? result : throw new FormatException($"'{value}' is not host:port.");
}
