using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WorkOrders.Prediction.Anomaly;

namespace WorkOrders.Prediction.Tests.Anomaly;

public sealed class AnomalyDetectionRegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddAnomalyDetection(configuration).BuildServiceProvider();
    }

    [Fact]
    public void BindsTheAnomalySection_AndRegistersOneFactory()
    {
        using var provider = Build(new() { ["Anomaly:OpenAfter"] = "7", ["Anomaly:OpenWindow"] = "12", ["Anomaly:WarmupSamples"] = "80" });

        var options = provider.GetRequiredService<IOptions<AnomalyDetectorOptions>>().Value;
        var factory = provider.GetRequiredService<IAnomalyDetectorFactory>();

        Assert.Equal(7, options.OpenAfter);
        Assert.Equal(80, options.WarmupSamples);
        Assert.Same(factory, provider.GetRequiredService<IAnomalyDetectorFactory>());
    }

    [Fact]
    public void RejectsACloseThresholdAboveTheOpenThreshold_NamingTheKeys()
    {
        using var provider = Build(new() { ["Anomaly:OpenThreshold"] = "0.5", ["Anomaly:CloseThreshold"] = "0.8" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AnomalyDetectorOptions>>().Value);

        Assert.Contains("Anomaly:CloseThreshold", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsOutOfRangeValues()
    {
        using var provider = Build(new() { ["Anomaly:OpenThreshold"] = "1.5" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AnomalyDetectorOptions>>().Value);

        Assert.Contains("OpenThreshold", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsAQuietSpellNoiseShareOfOneOrMore_NamingTheKey()
    {
        using var provider = Build(new() { ["Anomaly:QuietSpellNoiseShare"] = "1" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AnomalyDetectorOptions>>().Value);

        Assert.Contains("QuietSpellNoiseShare", error.Message, StringComparison.Ordinal);
    }
}
