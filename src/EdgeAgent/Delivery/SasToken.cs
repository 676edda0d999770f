using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace WorkOrders.EdgeAgent.Delivery;

/// <summary>
/// An Azure IoT Hub shared access signature signed with a device key, as the IoT Hub security
/// documentation describes it: HMAC-SHA256 over "{url-encoded resource URI}\n{expiry}".
/// </summary>
public static class SasToken
{
    public static string Create(string resourceUri, string base64Key, DateTimeOffset expiresAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(resourceUri);
        ArgumentException.ThrowIfNullOrEmpty(base64Key);
        var expiry = expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var audience = WebUtility.UrlEncode(resourceUri);
        var signature = HMACSHA256.HashData(Convert.FromBase64String(base64Key), Encoding.UTF8.GetBytes(audience + "\n" + expiry));
        return $"SharedAccessSignature sr={audience}&sig={WebUtility.UrlEncode(Convert.ToBase64String(signature))}&se={expiry}";
    }
}
