using WorkOrders.IntegrationTests.Support;
using WorkOrders.Testing;

namespace WorkOrders.IntegrationTests.Hosting;

/// <summary>The built API as a real process: SIGTERM stops it cleanly, with exit code 0.</summary>
[Collection(BrokerCollection.Name)]
public sealed class GracefulShutdownTests(MosquittoServer broker)
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StopPatience = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task Sigterm_StopsTheReadyApiGracefully_WithExitCode0()
    {
        var ingestClientId = $"it-process-{Guid.NewGuid():N}";
        var api = ApiProcess.Start(new Dictionary<string, string>
        {
            ["Ingest:Mqtt:Server"] = $"{broker.Host}:{broker.Port}",
            ["Ingest:Mqtt:ClientId"] = ingestClientId,
        });
        try
        {
            using var http = new HttpClient { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
            await Eventually.AssertAsync(async () =>
            {
                if (api.HasExited)
                {
                    throw new InvalidOperationException($"The API exited with code {api.ExitCode} before it was ready:{Environment.NewLine}{api.Output}");
                }

                return (await http.GetAsync("/health/ready")).IsSuccessStatusCode;
            }, StartPatience, "the API process to answer 200 on /health/ready");

            api.Terminate();

            await Eventually.AssertAsync(() => Task.FromResult(api.HasExited), StopPatience, "the API process to exit after SIGTERM");
            api.DrainOutput();
            Assert.True(api.ExitCode == 0, $"Exit code {api.ExitCode}; output:{Environment.NewLine}{api.Output}");
            Assert.Contains("Application is shutting down", api.Output, StringComparison.Ordinal);
        }
        finally
        {
            api.Dispose();
            await BrokerSessions.ForgetAsync(broker, [ingestClientId]);
        }
    }
}
