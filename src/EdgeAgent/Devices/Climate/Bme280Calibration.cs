using System.Buffers.Binary;

namespace WorkOrders.EdgeAgent.Devices.Climate;

/// <summary>The trimming parameters burnt into each BME280 (datasheet section 4.2.2, table 16).</summary>
internal sealed record Bme280Calibration(
    ushort T1, short T2, short T3,
    ushort P1, short P2, short P3, short P4, short P5, short P6, short P7, short P8, short P9,
    byte H1, short H2, byte H3, short H4, short H5, sbyte H6)
{
    /// <summary>Length of the burst read at 0x88 (calib00..calib25, through dig_H1 at 0xA1).</summary>
    public const int TemperaturePressureLength = 26;

    /// <summary>Length of the burst read at 0xE1 (calib26..calib32).</summary>
    public const int HumidityLength = 7;

    public static Bme280Calibration Parse(ReadOnlySpan<byte> tp, ReadOnlySpan<byte> h) => new(
        T1: BinaryPrimitives.ReadUInt16LittleEndian(tp[0..]),
        T2: BinaryPrimitives.ReadInt16LittleEndian(tp[2..]),
        T3: BinaryPrimitives.ReadInt16LittleEndian(tp[4..]),
        P1: BinaryPrimitives.ReadUInt16LittleEndian(tp[6..]),
        P2: BinaryPrimitives.ReadInt16LittleEndian(tp[8..]),
        P3: BinaryPrimitives.ReadInt16LittleEndian(tp[10..]),
        P4: BinaryPrimitives.ReadInt16LittleEndian(tp[12..]),
        P5: BinaryPrimitives.ReadInt16LittleEndian(tp[14..]),
        P6: BinaryPrimitives.ReadInt16LittleEndian(tp[16..]),
        P7: BinaryPrimitives.ReadInt16LittleEndian(tp[18..]),
        P8: BinaryPrimitives.ReadInt16LittleEndian(tp[20..]),
        P9: BinaryPrimitives.ReadInt16LittleEndian(tp[22..]),
        H1: tp[25],
        H2: BinaryPrimitives.ReadInt16LittleEndian(h[0..]),
        H3: h[2],
        // dig_H4 = 0xE4[7:0] / 0xE5[3:0], dig_H5 = 0xE5[7:4] / 0xE6[7:0], both signed 12-bit.
        H4: (short)(((sbyte)h[3] << 4) | (h[4] & 0x0F)),
        H5: (short)(((sbyte)h[5] << 4) | (h[4] >> 4)),
        H6: (sbyte)h[6]);

    /// <summary>An erased or missing NVM reads as all zeros or all ones; dig_T1 and dig_P1 are never either.</summary>
    public bool LooksValid => T1 is not (0 or ushort.MaxValue) && P1 is not (0 or ushort.MaxValue);
}
