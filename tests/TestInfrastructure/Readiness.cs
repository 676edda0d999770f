using System.Diagnostics;
using System.Net.Sockets;

namespace WorkOrders.Testing;

/// <summary>Waits until a freshly started server answers, failing fast (with its output) if it exits instead.</summary>
internal static class Readiness
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    public static Task WaitForTcpAsync(
        string name, string host, int port, ServerProcess process, CancellationToken cancellationToken) =>
        WaitAsync(name, $"{host}:{port} to accept TCP connections", async ct =>
        {
            using var client = new TcpClient();
            await client.ConnectAsync(host, port, ct).ConfigureAwait(false);
            return true;
        }, process, cancellationToken);

    public static async Task WaitAsync(
        string name, string waitingFor, Func<CancellationToken, Task<bool>> probe, ServerProcess process,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        Exception? lastError = null;
        while (true)
        {
            if (process.HasExited)
            {
                await process.DrainOutputAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
                throw new ServerStartException(name, $"it exited while we waited for {waitingFor}", process.Describe());
            }

            try
            {
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                attempt.CancelAfter(TimeSpan.FromSeconds(2));
                if (await probe(attempt.Token).ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested &&
                                       ex is SocketException or IOException or HttpRequestException or OperationCanceledException)
            {
                lastError = ex;
            }

            if (clock.Elapsed > StartTimeout)
            {
                throw new ServerStartException(
                    name, $"{waitingFor} did not happen within {StartTimeout.TotalSeconds:0} s (last error: {lastError?.Message ?? "none"})",
                    process.Describe());
            }

            await Task.Delay(TimeSpan.FromMilliseconds(25), cancellationToken).ConfigureAwait(false);
        }
    }
}
