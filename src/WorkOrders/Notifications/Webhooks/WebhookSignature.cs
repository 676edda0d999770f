using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace WorkOrders.Maintenance.Notifications.Webhooks;

/// <summary>
/// The signature a receiver verifies: <c>X-WorkOrders-Signature: sha256=</c> + lower-case hex of
/// HMAC-SHA256(key = the subscription's secret as UTF-8, message = <c>{X-WorkOrders-Timestamp}.{raw body}</c>),
/// where the timestamp is Unix seconds. docs/notifications.md shows the check.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-WorkOrders-Signature";
    public const string TimestampHeader = "X-WorkOrders-Timestamp";
    public const string DeliveryHeader = "X-WorkOrders-Delivery";
    public const string EventHeader = "X-WorkOrders-Event";

    public static string Timestamp(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public static string Sign(string secret, string timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        return $"sha256={Convert.ToHexStringLower(mac)}";
    }

    /// <summary>Constant-time comparison of a received header with the expected signature.</summary>
    public static bool Verify(string secret, string timestamp, string body, string? signature) =>
        signature is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Sign(secret, timestamp, body)), Encoding.ASCII.GetBytes(signature));
}
