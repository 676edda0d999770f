using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WorkOrders.EdgeAgent.Configuration;
using WorkOrders.EdgeAgent.Devices.Climate;
using WorkOrders.EdgeAgent.Outbox;
using WorkOrders.EdgeAgent.RemoteConfig;
using WorkOrders.EdgeAgent.Sampling;
using WorkOrders.EdgeAgent.Sensors;
using WorkOrders.EdgeAgent.Tests.Fakes;

namespace WorkOrders.EdgeAgent.Tests.Sampling;

public sealed class SamplingServiceTests : IDisposable
{
    private readonly ScratchDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 6, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly SensorHealth _health = new();
    private readonly EdgeAgentOptions _options = new() { DeviceId = "pump-1" };
    private readonly DiskOutbox _outbox;
    private readonly AgentSettingsStore _settings;

    public SamplingServiceTests()
    {
        _options.Sensors.RetryFaultedAfterMs = 30_000;
        _outbox = DiskOutbox.Open(new OutboxSettings(_directory.Path, 1 << 20, 1 << 16, false), NullLogger<DiskOutbox>.Instance);
        _settings = new AgentSettingsStore(Options.Create(_options));
    }

    [Fact]
    public async Task AFaultedSensor_IsReportedAndSkipped_WhileTheOthersKeepRunning()
    {
        var environment = new FakeSensorReader(SensorNames.Environment, new Dictionary<string, double> { ["temperature_c"] = 21.5 });
        var analog = new FakeSensorReader(SensorNames.Analog, new Dictionary<string, double> { ["current_a"] = 12 }) { Failure = new IOException("No ADS1115 at I2C bus 1, address 0x48") };
        var sampling = Create(environment, analog);

        var first = await sampling.SampleOnceAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(1));
        var second = await sampling.SampleOnceAsync(CancellationToken.None);

        Assert.Equal(new Dictionary<string, double> { ["temperature_c"] = 21.5 }, first!.Readings);
        Assert.Equal(2, second!.Seq);
        Assert.Equal("No ADS1115 at I2C bus 1, address 0x48", _health.Faults[SensorNames.Analog]);
        Assert.Equal(1, analog.Reads);
        Assert.Equal(1, analog.Closes);
    }

    [Fact]
    public async Task AFaultedSensor_IsTriedAgainAfterTheRetryTime_AndRecovers()
    {
        var analog = new FakeSensorReader(SensorNames.Analog, new Dictionary<string, double> { ["current_a"] = 12 }) { Failure = new IOException("gone") };
        var sampling = Create(analog);
        await sampling.SampleOnceAsync(CancellationToken.None);
        analog.Failure = null;

        _time.Advance(TimeSpan.FromSeconds(30));
        var sample = await sampling.SampleOnceAsync(CancellationToken.None);

        Assert.Equal(12, sample!.Readings["current_a"]);
        Assert.Empty(_health.Faults);
    }

    [Fact]
    public async Task AChipThatAnswersGarbage_FaultsOnlyItsOwnSensor()
    {
        var factory = new GarbageClimateFactory();
        var environment = new EnvironmentReader(factory);
        var digital = new FakeSensorReader(SensorNames.Digital, new Dictionary<string, double> { ["running"] = 1 });
        var sampling = Create(environment, digital);

        var sample = await sampling.SampleOnceAsync(CancellationToken.None);

        Assert.Equal(new Dictionary<string, double> { ["running"] = 1 }, sample!.Readings);
        Assert.Contains("No BME280", _health.Faults[SensorNames.Environment], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppliesCalibration_AndSkipsDisabledSensors()
    {
        var environment = new FakeSensorReader(SensorNames.Environment, new Dictionary<string, double> { ["temperature_c"] = 20 });
        var vibration = new FakeSensorReader(SensorNames.Vibration, new Dictionary<string, double> { ["vibration_rms_g"] = 0.1 });
        var sampling = Create(environment, vibration);
        _settings.Apply(_settings.Current with
        {
            Sensors = _settings.Current.Sensors with { Vibration = false },
            Calibration = new Dictionary<string, Calibration> { ["temperature_c"] = new(1.01, -0.5) },
        });

        var sample = await sampling.SampleOnceAsync(CancellationToken.None);

        Assert.Equal(new Dictionary<string, double> { ["temperature_c"] = 19.7 }, sample!.Readings);
        Assert.Equal(0, vibration.Reads);
    }

    [Fact]
    public async Task TakesASample_EverySampleInterval_AndFollowsARemoteChange()
    {
        var environment = new FakeSensorReader(SensorNames.Environment, new Dictionary<string, double> { ["temperature_c"] = 20 });
        using var sampling = Create(environment);
        await sampling.StartAsync(CancellationToken.None);

        for (var second = 1; second <= 3; second++)
        {
            await AdvanceAndWaitForSeqAsync(TimeSpan.FromSeconds(1), second);
        }

        _settings.Apply(_settings.Current with { SampleIntervalMs = 5000 });
        await AdvanceAndWaitForSeqAsync(TimeSpan.FromSeconds(5), 4);
        _time.Advance(TimeSpan.FromSeconds(4));
        await AdvanceAndWaitForSeqAsync(TimeSpan.FromSeconds(1), 5);
        await sampling.StopAsync(CancellationToken.None);

        Assert.Equal(5, _outbox.LastSeq);
    }

    public void Dispose()
    {
        _outbox.Dispose();
        _directory.Dispose();
    }

    private SamplingService Create(params ISensorReader[] readers) =>
        new(readers, _outbox, _settings, _health, Options.Create(_options), _time, NullLogger<SamplingService>.Instance);

    private async Task AdvanceAndWaitForSeqAsync(TimeSpan step, long seq)
    {
        _time.Advance(step);
        await WorkOrders.Testing.Eventually.AssertAsync(
            () => Task.FromResult(_outbox.LastSeq >= seq), TimeSpan.FromSeconds(10), $"sample {seq} to be stored");
        Assert.Equal(seq, _outbox.LastSeq);
    }

    private sealed class GarbageClimateFactory : ISensorDeviceFactory
    {
        public WorkOrders.EdgeAgent.Devices.IEnvironmentSensor OpenEnvironment() => new Bme280(new FakeI2cDevice(new GarbageChip()));

        public WorkOrders.EdgeAgent.Devices.IAccelerometer OpenAccelerometer(int sampleRateHz) => throw new NotSupportedException();

        public WorkOrders.EdgeAgent.Devices.IAnalogInput OpenAnalog() => throw new NotSupportedException();

        public IReadOnlyList<NamedDigitalInput> OpenDigitalInputs() => throw new NotSupportedException();
    }
}
