namespace WorkOrders.Api.Orleans;

/// <summary>
/// The ETags <see cref="RelationalGrainStorage"/> gives the rows it writes: 48 random bits as 8 base64 characters. Every
/// active grain holds its state's ETag, and this one is a 40-byte string where a GUID's 32 hex digits took 88. A stale
/// writer succeeds only if the row's new ETag happens to equal its old one (one chance in 2^48 per write). ETags are only
/// ever compared as they are, so rows still carrying an ETag of the older, longer format read and update as before.
/// </summary>
internal static class GrainStateETag
{
    public const int Length = 8;

    public static string New()
    {
        Span<byte> bits = stackalloc byte[6];
        Random.Shared.NextBytes(bits);
        return Convert.ToBase64String(bits);
    }
}
