using System.Globalization;
using Spectre.Console;

namespace WorkOrders.Simulators.Cli;

/// <summary>
/// Live progress of a publishing run, refreshed twice a second on a terminal (a plain line every 5 s when output is
/// redirected), and a summary when it ends.
/// </summary>
internal static class ProgressView
{
    private static readonly TimeSpan LiveRefresh = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan PlainRefresh = TimeSpan.FromSeconds(5);

    public static async Task ShowAsync(IAnsiConsole console, string title, Func<FleetProgress> progress, Task run, TimeProvider time)
    {
        var rate = new RateMeter(time);
        if (console.Profile.Capabilities.Interactive)
        {
            await console.Live(Render(title, progress(), 0, TimeSpan.Zero)).AutoClear(false).StartAsync(async live =>
            {
                while (!run.IsCompleted)
                {
                    await Task.WhenAny(run, Task.Delay(LiveRefresh, time));
                    var now = progress();
                    live.UpdateTarget(Render(title, now, rate.Next(now.Acked), rate.Elapsed));
                }
            });
        }
        else
        {
            console.WriteLine(title);
            while (!run.IsCompleted)
            {
                await Task.WhenAny(run, Task.Delay(PlainRefresh, time));
                var p = progress();
                console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{rate.Elapsed:hh\\:mm\\:ss} connected {p.Connected}/{p.Devices}, samples {p.Samples}, sent {p.Sent}, acked {p.Acked}, {rate.Next(p.Acked):0}/s, errors {p.Errors}, dropped {p.Dropped}, simulated {p.SimulatedNow.UtcDateTime:yyyy-MM-dd HH:mm:ss}"));
            }
        }

        var final = progress();
        var total = rate.Elapsed;
        console.MarkupLine(CultureInfo.InvariantCulture,
            "[bold]Summary[/]: {0} devices, {1} samples, {2} sent, {3} acknowledged, {4} errors, {5} dropped in {6:0.0} s ({7:0} acks/s); simulated time reached {8:yyyy-MM-dd HH:mm:ss}Z",
            final.Devices, final.Samples, final.Sent, final.Acked, final.Errors, final.Dropped, total.TotalSeconds,
            total.TotalSeconds > 0 ? final.Acked / total.TotalSeconds : 0, final.SimulatedNow.UtcDateTime);
    }

    private static Table Render(string title, FleetProgress p, double rate, TimeSpan elapsed) =>
        new Table()
            .Title(Markup.Escape(title))
            .HideHeaders()
            .AddColumns("what", "value")
            .AddRow("devices connected", $"{p.Connected}/{p.Devices}")
            .AddRow("samples", Number(p.Samples))
            .AddRow("sent", Number(p.Sent))
            .AddRow("acknowledged", Number(p.Acked))
            .AddRow("rate", $"{rate.ToString("0", CultureInfo.InvariantCulture)} acks/s")
            .AddRow("errors", p.Errors > 0 ? $"[red]{Number(p.Errors)}[/]" : "0")
            .AddRow("dropped", Number(p.Dropped))
            .AddRow("simulated time", p.SimulatedNow.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))
            .AddRow("elapsed", elapsed.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture));

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Acknowledgements per second since the previous reading.</summary>
    private sealed class RateMeter(TimeProvider time)
    {
        private readonly long _started = time.GetTimestamp();
        private long _lastAcked;
        private TimeSpan _lastAt;

        public TimeSpan Elapsed => time.GetElapsedTime(_started);

        public double Next(long acked)
        {
            var at = Elapsed;
            var rate = at > _lastAt ? (acked - _lastAcked) / (at - _lastAt).TotalSeconds : 0;
            (_lastAcked, _lastAt) = (acked, at);
            return rate;
        }
    }
}
