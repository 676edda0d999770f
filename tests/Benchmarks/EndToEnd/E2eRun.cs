using Microsoft.Extensions.DependencyInjection;
using WorkOrders.Ingest.Mqtt;
using WorkOrders.Ingest.TimeSeries;
using WorkOrders.Maintenance.Devices;

namespace WorkOrders.Benchmarks.EndToEnd;

/// <summary>
/// One <c>e2e</c> invocation: (1) the broker alone, publishers flat out (within the <see cref="LoadGate"/>'s window)
/// to a plain subscriber: the ceiling; (2) the platform in this process, the same publishers the same way: the
/// end-to-end throughput; both rates are the steady state, the second half of the window; (3) the platform paced
/// below that: publish → scored latency; then every device's seqs read back from the time-series store, and the
/// silo's heap per active grain.
/// </summary>
internal sealed class E2eRun(E2eOptions options)
{
    private readonly string _runId = Guid.NewGuid().ToString("N")[..6];

    public async Task<E2eResult> ExecuteAsync(CancellationToken cancellationToken)
    {
        Progress.Say($"e2e {_runId}: {options.Devices:N0} devices, {options.Duration.TotalSeconds:N0} s per phase, {options.PerConnection} per connection; " +
                     $"broker {options.Broker ?? "embedded MQTTnet"}, database {(options.Postgres is null ? "SQLite" : "PostgreSQL")}, " +
                     $"time series {(options.Influx is null ? "embedded SQLite" : options.Influx.ToString())}; {Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}");
        var fleet = LoadFleet.Create(options.Devices, _runId);
        var ceiling = await MeasureCeilingAsync(fleet, cancellationToken);
        fleet.Reset();

        var data = Directory.CreateTempSubdirectory("pdm-e2e-");
        try
        {
            return await MeasurePlatformAsync(fleet, ceiling, data.FullName, cancellationToken);
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    private async Task<PhaseWindow> MeasureCeilingAsync(LoadFleet fleet, CancellationToken cancellationToken)
    {
        var (host, port) = options.ExternalBroker ?? ("127.0.0.1", FreePort.Next());
        await using var broker = options.ExternalBroker is null ? await CeilingBroker.StartAsync(port, cancellationToken) : null;
        await using var subscriber = await PlainSubscriber.ConnectAsync(host, port, $"bench-{_runId}-ceiling", cancellationToken);
        await using var publisher = new LoadPublisher(fleet, host, port, options.PerConnection, $"bench-{_runId}-a");
        await publisher.ConnectAsync(cancellationToken);
        var window = await PhaseRunner.RunAsync("broker", publisher, fleet, LoadPlan.FlatOut, options.Duration, options.Window, () => subscriber.Received);
        await PhaseRunner.DrainAsync("broker", fleet, () => subscriber.Received, options.DrainTimeout);
        await publisher.DisconnectAsync();
        Progress.Say($"[broker] {window}");
        return window;
    }

    private async Task<E2eResult> MeasurePlatformAsync(LoadFleet fleet, PhaseWindow ceiling, string dataDirectory, CancellationToken cancellationToken)
    {
        var (host, port) = options.ExternalBroker ?? ("127.0.0.1", FreePort.Next());
        var endpoints = new PlatformEndpoints(host, port, FreePort.Next(), FreePort.Next(), $"bench-{_runId}-ingest", dataDirectory);
        var clock = new StageClock();
        var storage = new StorageTimes();
        using var pauses = new PauseTimeline();
        using var meters = new PlatformMeters(clock, pauses);
        E2eResult result;
        await using (var platform = new PlatformHost(options, endpoints, clock, storage))
        {
            var services = platform.Services;
            await services.GetRequiredService<MqttIngestWorker>().Subscribed.WaitAsync(TimeSpan.FromMinutes(1), cancellationToken);
            await RegisterAsync(fleet, services.GetRequiredService<DeviceRegistry>(), cancellationToken);

            await using var publisher = new LoadPublisher(fleet, host, port, options.PerConnection, $"bench-{_runId}-p");
            await publisher.ConnectAsync(cancellationToken);
            Progress.Say($"[platform] {Describe(storage)} (registration)");
            var (throughput, saturated) = await PhaseAsync("platform", publisher, fleet, LoadPlan.FlatOut, clock, storage, meters, pauses);
            var rate = options.LatencyRate ?? Math.Min(0.5 * ceiling.SecondHalfConsumeRate, 0.8 * throughput.SecondHalfConsumeRate);
            var (_, paced) = await PhaseAsync("latency", publisher, fleet, LoadPlan.Paced(rate), clock, storage, meters, pauses);
            await publisher.DisconnectAsync();

            var audit = await SeqAudit.RunAsync(fleet.Devices, StoredSeqs(services), cancellationToken);
            Progress.Say($"[audit] {audit}; ingest dropped {meters.IngestDuplicates:N0} duplicate samples, grains {clock.GrainDuplicates:N0}; " +
                         $"dead letters {meters.DeadLetters:N0}, failed batches {meters.BatchFailures:N0}, broker drops {meters.BrokerDropped:N0}, episodes opened {meters.EpisodesOpened:N0}");
            var memory = await SiloMemory.MeasureAsync(services.GetRequiredService<IGrainFactory>(), fleet, meters, storage, options.MemoryRounds, options.MemoryIdle, cancellationToken);
            Progress.Say($"[memory] {memory}; {Describe(storage)}");
            Progress.Say($"[memory] {await PersistedState.DescribeAsync(services, fleet.Devices, cancellationToken)}");
            Progress.Say($"[summary] saturation latency (queueing within the window: about window ÷ rate): {saturated.PublishToScored}");
            Progress.Say($"[summary] latency phase at {rate:N0} msgs/s: publish → scored {paced.PublishToScored}; publish → stored and scored {paced.PublishToStoredAndScored}; publish → ingest receipt {paced.PublishToReceived}; receipt → scored (grain's metric) {paced.ReceiveToScoredByGrain}");
            result = new E2eResult(options.Devices, ceiling.SecondHalfConsumeRate, throughput.SecondHalfConsumeRate, paced.PublishToScored.P50, paced.PublishToScored.P99,
                audit.Lost, audit.Duplicated, memory.BytesPerDevice);
            Progress.Say("[platform] stopping (grains write their state)");
        }

        if (options.ExternalBroker is { } external)
        {
            await IngestSession.ForgetAsync(external.Host, external.Port, endpoints.IngestClientId, cancellationToken);
        }

        return result;
    }

    private async Task<(PhaseWindow Window, LatencySummary Latency)> PhaseAsync(
        string name, LoadPublisher publisher, LoadFleet fleet, LoadPlan plan, StageClock clock, StorageTimes storage, PlatformMeters meters,
        PauseTimeline pauses)
    {
        clock.BeginPhase();
        pauses.Take();
        var before = clock.Totals;
        var half = before;
        var window = await PhaseRunner.RunAsync(name, publisher, fleet, plan, options.Duration, options.Window, () => clock.Accepted, () => half = clock.Totals);
        var end = clock.Totals;
        await PhaseRunner.DrainAsync(name, fleet, () => clock.Accepted, options.DrainTimeout);
        Progress.Say($"[{name}] {window}");
        Progress.Say($"[{name}] whole phase {StageReport.Describe(clock.Totals.Minus(before))}");
        Progress.Say($"[{name}] second half {StageReport.Describe(end.Minus(half))}");
        Progress.Say($"[{name}] {Describe(storage)}; {meters.TakeCheckpoints()}");
        Progress.Say($"[{name}] {TailAttribution.Of(clock.Spans(), pauses.Take())}");
        return (window, clock.Latencies());
    }

    private static async Task RegisterAsync(LoadFleet fleet, DeviceRegistry registry, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(fleet.Registrations, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (registration, ct) =>
        {
            var registered = await registry.RegisterAsync(registration, ct);
            if (registered.Device is null)
            {
                throw new InvalidOperationException($"The registry refused {registration.DeviceId}: {string.Join("; ", registered.Errors.Select(e => $"{e.Key}: {string.Join(' ', e.Value)}"))}");
            }
        });

        Progress.Say($"[platform] registered {fleet.Registrations.Count:N0} devices in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:N1} s");
    }

    private static string Describe(StorageTimes storage)
    {
        var (reads, writes, readMs, writeMs) = storage.Take();
        return $"grain state reads {reads} = {readMs / 1000:N1} s; writes {writes} = {writeMs / 1000:N1} s";
    }

    private IStoredSeqs StoredSeqs(IServiceProvider services) =>
        options.Influx is { } influx
            ? new InfluxStoredSeqs(services.GetRequiredService<IHttpClientFactory>().CreateClient(), influx, options.InfluxDatabase!)
            : new EmbeddedStoredSeqs(services.GetRequiredService<SqliteTelemetryStore>());
}
