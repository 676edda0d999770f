using WorkOrders.EdgeAgent.Features;

namespace WorkOrders.EdgeAgent.Tests.Features;

public sealed class VibrationFeatureExtractorTests
{
    private const double SampleRateHz = 1024;
    private const int WindowSize = 1024;

    [Fact]
    public void SineWave_HasRmsOfAmplitudeOverRootTwo_CrestRootTwo_KurtosisOneAndAHalf()
    {
        var window = Tone(amplitude: 0.5, hertz: 100);

        var features = VibrationFeatureExtractor.Extract(window, SampleRateHz, bandCount: 4);

        Assert.Equal(0.5 / Math.Sqrt(2), features.RmsG, 9);
        Assert.Equal(0.5, features.PeakG, 9);
        Assert.Equal(Math.Sqrt(2), features.CrestFactor, 9);
        Assert.Equal(1.5, features.Kurtosis, 9);
    }

    [Fact]
    public void Tones_LandInTheirBands_AndBandsAddUpToTheRms()
    {
        var low = Tone(amplitude: 0.3, hertz: 100);
        var high = Tone(amplitude: 0.2, hertz: 300);
        var window = low.Zip(high, (a, b) => a + b).ToArray();

        var features = VibrationFeatureExtractor.Extract(window, SampleRateHz, bandCount: 4);

        // Four bands of 128 Hz up to Nyquist (512 Hz): 100 Hz is in band 1, 300 Hz in band 3.
        Assert.Equal(128, features.BandWidthHz);
        Assert.Equal(0.3 / Math.Sqrt(2), features.BandRmsG[0], 9);
        Assert.Equal(0, features.BandRmsG[1], 9);
        Assert.Equal(0.2 / Math.Sqrt(2), features.BandRmsG[2], 9);
        Assert.Equal(0, features.BandRmsG[3], 9);
        Assert.Equal(features.RmsG * features.RmsG, features.BandRmsG.Sum(b => b * b), 12);
    }

    [Fact]
    public void Gravity_DoesNotCountAsVibration()
    {
        var tone = Tone(amplitude: 0.1, hertz: 50);
        var withGravity = tone.Select(x => x + 1.0).ToArray();

        var a = VibrationFeatureExtractor.Extract(tone, SampleRateHz, 8);
        var b = VibrationFeatureExtractor.Extract(withGravity, SampleRateHz, 8);

        Assert.Equal(a.RmsG, b.RmsG, 12);
        Assert.Equal(a.PeakG, b.PeakG, 12);
        Assert.Equal(a.Kurtosis, b.Kurtosis, 9);
    }

    [Fact]
    public void Impacts_RaiseKurtosisAndCrest_AboveGaussianNoise()
    {
        var random = new Random(11);
        var noise = Enumerable.Range(0, WindowSize).Select(_ => Gaussian(random) * 0.05).ToArray();
        var impacts = noise.ToArray();
        for (var i = 50; i < WindowSize; i += 200)
        {
            impacts[i] += 1.0;
        }

        var calm = VibrationFeatureExtractor.Extract(noise, SampleRateHz, 4);
        var faulty = VibrationFeatureExtractor.Extract(impacts, SampleRateHz, 4);

        Assert.InRange(calm.Kurtosis, 2.6, 3.4);
        Assert.True(faulty.Kurtosis > 10, $"kurtosis {faulty.Kurtosis}");
        Assert.True(faulty.CrestFactor > 2 * calm.CrestFactor, $"crest {faulty.CrestFactor} vs {calm.CrestFactor}");
    }

    [Fact]
    public void NamesReadingsAsTheWireContract()
    {
        var features = VibrationFeatureExtractor.Extract(Tone(0.1, 10), SampleRateHz, 2);

        var names = features.ToReadings().Select(r => r.Key);

        Assert.Equal(
            ["vibration_rms_g", "vibration_peak_g", "vibration_crest", "vibration_kurtosis", "vibration_band1_g", "vibration_band2_g"],
            names);
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(4)]
    public void RejectsWindowsThatAreNotPowersOfTwoOrTooShort(int length)
    {
        Assert.Throws<ArgumentException>(() => VibrationFeatureExtractor.Extract(new double[length], SampleRateHz, 1));
    }

    private static double[] Tone(double amplitude, double hertz) =>
        Enumerable.Range(0, WindowSize).Select(i => amplitude * Math.Sin(2 * Math.PI * hertz * i / SampleRateHz)).ToArray();

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
