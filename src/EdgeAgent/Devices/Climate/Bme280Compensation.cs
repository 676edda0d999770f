namespace WorkOrders.EdgeAgent.Devices.Climate;

/// <summary>
/// The datasheet's fixed-point compensation formulas (section 4.2.3): 32-bit for temperature and
/// humidity, 64-bit for pressure. Temperature feeds t_fine into the other two.
/// </summary>
internal static class Bme280Compensation
{
    /// <summary>Returns t_fine and the temperature in 0.01 °C ("5123" is 51.23 °C).</summary>
    public static (int TFine, int CentiCelsius) Temperature(Bme280Calibration c, int adcT)
    {
        var var1 = (((adcT >> 3) - (c.T1 << 1)) * c.T2) >> 11;
        var var2 = (((((adcT >> 4) - c.T1) * ((adcT >> 4) - c.T1)) >> 12) * c.T3) >> 14;
        var tFine = var1 + var2;
        return (tFine, (tFine * 5 + 128) >> 8);
    }

    /// <summary>Pressure in Pa as Q24.8 ("24674867" is 24674867/256 = 96386.2 Pa); 0 when dig_P1 is 0.</summary>
    public static uint Pressure(Bme280Calibration c, int adcP, int tFine)
    {
        long var1 = (long)tFine - 128000;
        long var2 = var1 * var1 * c.P6;
        var2 += (var1 * c.P5) << 17;
        var2 += (long)c.P4 << 35;
        var1 = ((var1 * var1 * c.P3) >> 8) + ((var1 * c.P2) << 12);
        var1 = (((1L << 47) + var1) * c.P1) >> 33;
        if (var1 == 0)
        {
            return 0;
        }

        long p = 1048576 - adcP;
        p = (((p << 31) - var2) * 3125) / var1;
        var1 = (c.P9 * (p >> 13) * (p >> 13)) >> 25;
        var2 = (c.P8 * p) >> 19;
        p = ((p + var1 + var2) >> 8) + ((long)c.P7 << 4);
        return (uint)p;
    }

    /// <summary>Relative humidity in %RH as Q22.10 ("47445" is 47445/1024 = 46.333 %RH).</summary>
    public static uint Humidity(Bme280Calibration c, int adcH, int tFine)
    {
        var v = tFine - 76800;
        v = (((adcH << 14) - (c.H4 << 20) - (c.H5 * v) + 16384) >> 15)
            * (((((((v * c.H6) >> 10) * (((v * c.H3) >> 11) + 32768)) >> 10) + 2097152) * c.H2 + 8192) >> 14);
        v -= ((((v >> 15) * (v >> 15)) >> 7) * c.H1) >> 4;
        v = Math.Clamp(v, 0, 419430400);
        return (uint)(v >> 12);
    }
}
