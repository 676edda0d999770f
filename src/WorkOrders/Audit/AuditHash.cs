using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Maintenance.Audit;

/// <summary>
/// The SHA-256 of one event: over a canonical, length-prefixed serialization of every stored field that says who,
/// what, when and where (not the database <see cref="WorkOrderEvent.Id"/>), and the previous event's hash. A field
/// is <c>0x00</c> when null, else <c>0x01</c>, its UTF-8 length (4 bytes, big-endian) and bytes; numbers are fixed
/// width (<see cref="DateTimeOffset"/> as UTC ticks, doubles as their IEEE-754 bits), so nothing can shift between fields.
/// </summary>
public static class AuditHash
{
    /// <summary>Changes only with a new serialization; part of every hash.</summary>
    public const string Version = "pdm-audit-v1";

    /// <summary>The precision both providers keep (PostgreSQL stores microseconds); times are cut to it before hashing.</summary>
    public static DateTimeOffset Normalize(DateTimeOffset at)
    {
        var ticks = at.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % 10), TimeSpan.Zero);
    }

    /// <summary>Lower-case hex SHA-256 of <paramref name="e"/> as stored, chained to <see cref="WorkOrderEvent.PreviousHash"/>.</summary>
    public static string Compute(WorkOrderEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AppendText(hash, Version);
        AppendText(hash, e.WorkOrderId.ToString("D", CultureInfo.InvariantCulture));
        AppendInt64(hash, e.Sequence);
        AppendInt64(hash, Normalize(e.At).UtcTicks);
        AppendText(hash, e.Type);
        AppendText(hash, e.Actor);
        AppendText(hash, e.ActorRole);
        AppendText(hash, e.Note);
        AppendText(hash, e.DataJson);
        AppendDouble(hash, e.Latitude);
        AppendDouble(hash, e.Longitude);
        AppendDouble(hash, e.AccuracyMeters);
        AppendText(hash, e.PreviousHash);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void AppendText(IncrementalHash hash, string? text)
    {
        if (text is null)
        {
            hash.AppendData([0]);
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        Span<byte> prefix = stackalloc byte[5];
        prefix[0] = 1;
        BinaryPrimitives.WriteInt32BigEndian(prefix[1..], bytes.Length);
        hash.AppendData(prefix);
        hash.AppendData(bytes);
    }

    private static void AppendInt64(IncrementalHash hash, long value)
    {
        Span<byte> buffer = stackalloc byte[9];
        buffer[0] = 1;
        BinaryPrimitives.WriteInt64BigEndian(buffer[1..], value);
        hash.AppendData(buffer);
    }

    private static void AppendDouble(IncrementalHash hash, double? value)
    {
        if (value is { } v)
        {
            AppendInt64(hash, BitConverter.DoubleToInt64Bits(v));
        }
        else
        {
            hash.AppendData([0]);
        }
    }
}
