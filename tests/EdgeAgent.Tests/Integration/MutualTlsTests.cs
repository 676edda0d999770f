using WorkOrders.Testing;

namespace WorkOrders.EdgeAgent.Tests.Integration;

/// <summary>The agent over TLS to a broker that trusts only its private CA and requires a device certificate.</summary>
public sealed class MutualTlsTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly ScratchDirectory _directory = new();
    private readonly string _deviceId = BrokerFixture.NewDeviceId();
    private readonly int _tlsPort = FreePort.Next();
    private TestCertificates? _certificates;
    private MosquittoServer? _broker;

    public async Task InitializeAsync()
    {
        _certificates = TestCertificates.Create(_directory.Path, _deviceId);
        _broker = new MosquittoServer
        {
            ExtraConfig = string.Join(
                Environment.NewLine,
                $"listener {_tlsPort} 127.0.0.1",
                $"cafile {_certificates.CaPath}",
                $"certfile {_certificates.ServerCertificatePath}",
                $"keyfile {_certificates.ServerKeyPath}",
                "require_certificate true",
                "use_identity_as_username true"),
        };
        await _broker.InitializeAsync();
    }

    [Fact]
    public async Task PublishesOverTls_WithAClientCertificate()
    {
        var certificates = _certificates!;
        await using var probe = await TelemetryProbe.ConnectAsync(_broker!.Host, _broker.Port, $"pdm/v1/{_deviceId}/telemetry");
        var settings = AgentHost.Settings(_deviceId, "127.0.0.1", _tlsPort, Path.Combine(_directory.Path, "outbox"));
        settings["EdgeAgent:Mqtt:UseTls"] = "true";
        settings["EdgeAgent:Mqtt:CaCertificatePath"] = certificates.CaPath;
        settings["EdgeAgent:Mqtt:ClientCertificatePath"] = certificates.ClientCertificatePath;
        settings["EdgeAgent:Mqtt:ClientKeyPath"] = certificates.ClientKeyPath;
        using var agent = await AgentHost.StartAsync(settings);

        await Eventually.AssertAsync(() => Task.FromResult(probe.Samples(_deviceId).Count >= 5), Patience, "telemetry that came in over mutual TLS");
        await agent.StopAsync();

        SeqAssertions.NoGaps(probe.Samples(_deviceId).Select(s => s.Seq));
    }

    public async Task DisposeAsync()
    {
        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }
    }

    public void Dispose() => _directory.Dispose();
}
