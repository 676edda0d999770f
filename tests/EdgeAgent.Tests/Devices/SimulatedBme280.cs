using System.Buffers.Binary;
using WorkOrders.EdgeAgent.Tests.Fakes;

namespace WorkOrders.EdgeAgent.Tests.Devices;

/// <summary>
/// A register-level BME280 loaded with the trimming values of Bosch's compensation example
/// (BMP280 datasheet, section 3.12; the BME280 shares its temperature and pressure formulas) and a
/// typical humidity trimming set.
/// </summary>
public sealed class SimulatedBme280 : RegisterMapChip
{
    public SimulatedBme280()
    {
        this[0xD0] = 0x60;
        Span<byte> tp = stackalloc byte[26];
        short[] words = [27504, 26435, -1000, unchecked((short)36477), -10685, 3024, 2855, 140, -7, 15500, -14600, 6000];
        for (var i = 0; i < words.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(tp[(2 * i)..], words[i]);
        }

        tp[25] = 75; // dig_H1
        Load(0x88, tp);
        SetHumidityTrimming(h2: 362, h3: 0, h4: 313, h5: 50, h6: 30);
        SetRaw(adcT: 519888, adcP: 415148, adcH: 30000);
    }

    public void SetHumidityTrimming(short h2, byte h3, short h4, short h5, sbyte h6)
    {
        this[0xE1] = (byte)h2;
        this[0xE2] = (byte)(h2 >> 8);
        this[0xE3] = h3;
        this[0xE4] = (byte)(h4 >> 4);
        this[0xE5] = (byte)((h4 & 0x0F) | ((h5 & 0x0F) << 4));
        this[0xE6] = (byte)(h5 >> 4);
        this[0xE7] = (byte)h6;
    }

    public void SetRaw(int adcT, int adcP, int adcH)
    {
        Load(0xF7, [(byte)(adcP >> 12), (byte)(adcP >> 4), (byte)(adcP << 4), (byte)(adcT >> 12), (byte)(adcT >> 4), (byte)(adcT << 4), (byte)(adcH >> 8), (byte)adcH]);
    }

    public void EraseCalibration() => Load(0x88, new byte[26]);
}
