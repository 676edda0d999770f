using WorkOrders.Contracts.Telemetry;

namespace WorkOrders.Simulators.Tests;

public class FleetModelTests
{
    [Fact]
    public void SameScenarioAndSeed_GiveTheSameTelemetry_ByteForByte()
    {
        var scenario = BuiltInScenarios.Demo;

        var first = Encode(new FleetModel(scenario), steps: 400);
        var second = Encode(new FleetModel(Scenario.Parse(scenario.ToJson())), steps: 400);

        Assert.Equal(first.Length, second.Length);
        Assert.True(first.AsSpan().SequenceEqual(second), "the two runs differ");
    }

    [Fact]
    public void AnotherSeed_GivesOtherTelemetry()
    {
        var scenario = BuiltInScenarios.Demo;

        var first = Encode(new FleetModel(scenario), steps: 5);
        var other = Encode(new FleetModel(scenario with { Seed = scenario.Seed + 1 }), steps: 5);

        Assert.False(first.AsSpan().SequenceEqual(other));
    }

    [Fact]
    public void EachStep_GivesOneSamplePerDevice_WithSeqFromOneAndTheNewTime()
    {
        var model = new FleetModel(TestScenarios.OneOfEach());

        var first = model.Step().ToList();
        var second = model.Step().ToList();

        Assert.Equal(model.Devices.Select(d => d.DeviceId), first.Select(s => s.DeviceId));
        Assert.All(first, s => Assert.Equal(1, s.Sample.Seq));
        Assert.All(second, s => Assert.Equal(2, s.Sample.Seq));
        Assert.All(second, s => Assert.Equal(TestScenarios.Start.AddMinutes(2), s.Sample.Ts));
        Assert.Equal(TestScenarios.Start.AddMinutes(2), model.Now);
    }

    [Fact]
    public void Devices_AreNamedByGroup_AndPlacedNearTheirSite()
    {
        var model = new FleetModel(BuiltInScenarios.Demo);

        Assert.Equal(24, model.Devices.Count);
        Assert.Equal(["compressor", "fan", "motor", "pump"], model.Devices.Select(d => d.AssetType).Distinct().Order());
        Assert.Equal(["plant-north", "plant-south"], model.Devices.Select(d => d.Site).Distinct().Order());
        Assert.Contains(model.Devices, d => d.DeviceId == "plant-north-pump-01");
        Assert.All(model.Devices.Where(d => d.Site == "plant-north"), d => Assert.InRange(d.Latitude, 53.54, 53.56));
    }

    [Fact]
    public void AFault_LeavesEveryOtherDevice_Untouched()
    {
        var healthy = TestScenarios.OneOfEach("iso");
        var faulty = healthy with { Faults = [new FaultSpec("iso-pump-01", FaultKinds.BearingWear, 0, 3600)] };

        var a = Series.Run(healthy, TimeSpan.FromHours(3));
        var b = Series.Run(faulty, TimeSpan.FromHours(3));

        foreach (var id in new[] { "iso-motor-01", "iso-compressor-01", "iso-fan-01" })
        {
            Assert.Equal(Json(a.Of(id)), Json(b.Of(id)));
        }

        Assert.NotEqual(Json(a.Of("iso-pump-01")), Json(b.Of("iso-pump-01")));
    }

    [Fact]
    public void Dropouts_LeaveSomeReadingsOut_AtAboutTheConfiguredRate()
    {
        var scenario = TestScenarios.OneOfEach() with { Sensors = new SensorSpec(DropoutProbability: 0.05) };

        var series = Series.Run(scenario, TimeSpan.FromDays(1));

        var expected = series.Samples.Sum(kv => kv.Value.Count * Readings.For(kv.Key.Split('-')[1]).Count);
        var present = series.Samples.Sum(kv => kv.Value.Sum(s => s.Readings!.Count));
        var missing = (double)(expected - present) / expected;
        Assert.InRange(missing, 0.04, 0.06);
    }

    private static string Json(IEnumerable<TelemetrySampleMessage> samples) =>
        string.Join('\n', samples.Select(s => System.Text.Encoding.UTF8.GetString(TelemetryCodec.Encode(TelemetryMessage.Single("x", s)))));

    private static byte[] Encode(FleetModel model, int steps)
    {
        using var buffer = new MemoryStream();
        for (var i = 0; i < steps; i++)
        {
            foreach (var (deviceId, sample) in model.Step())
            {
                buffer.Write(TelemetryCodec.Encode(TelemetryMessage.Single(deviceId, sample)));
                buffer.WriteByte((byte)'\n');
            }
        }

        return buffer.ToArray();
    }
}
