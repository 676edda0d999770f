using System.Buffers.Text;
using System.Security.Cryptography;

namespace WorkOrders.Maintenance.Tracking;

/// <summary>Customer progress-link tokens: 32 random bytes (256 bits) as unpadded base64url, 43 characters.</summary>
public static class TrackingTokens
{
    public const int Length = 43;
    private const int Bytes = 32;

    /// <summary>A new token from the operating system's cryptographic random generator.</summary>
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(Bytes));

    /// <summary>Whether <paramref name="token"/> has the shape of a token; anything else is not looked up.</summary>
    public static bool LooksValid(string? token) =>
        token is { Length: Length } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
