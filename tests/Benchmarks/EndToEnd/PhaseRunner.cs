using System.Diagnostics;

namespace WorkOrders.Benchmarks.EndToEnd;

/// <summary>
/// Runs one load phase with a progress line on stderr every two seconds, and measures it: how many messages the
/// publishers got acknowledged and how many the consumer (the plain subscriber, or the platform's grains) took,
/// over the whole window and over its second half: the steady state, after connection set-up and grain activation.
/// </summary>
internal static class PhaseRunner
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    public static async Task<PhaseWindow> RunAsync(
        string name, LoadPublisher publisher, LoadFleet fleet, LoadPlan plan, TimeSpan duration, int window, Func<long> consumed, Action? atHalfTime = null)
    {
        Progress.Say($"[{name}] publishing {plan} for {duration.TotalSeconds:N0} s on {publisher.Connections:N0} connections, at most {window:N0} messages unconsumed");
        var startPublished = fleet.Published;
        var startConsumed = consumed();
        await using var gate = new LoadGate(window, consumed);
        var load = LoadAverage();
        var cpu = Environment.CpuUsage.TotalTime;
        var gc = GcActivity.Now();
        var halfCpu = TimeSpan.Zero;
        var started = Stopwatch.GetTimestamp();
        var run = publisher.RunAsync(plan, duration, gate);
        var half = (Published: 0L, Consumed: 0L, At: TimeSpan.Zero);
        var last = (Published: startPublished, Consumed: startConsumed, At: TimeSpan.Zero);
        while (!run.IsCompleted)
        {
            await Task.WhenAny(run, Task.Delay(Tick));
            var now = (Published: fleet.Published, Consumed: consumed(), At: Stopwatch.GetElapsedTime(started));
            if (half.At == TimeSpan.Zero && now.At >= duration / 2)
            {
                half = now;
                halfCpu = Environment.CpuUsage.TotalTime;
                atHalfTime?.Invoke();
            }

            if (now.At - last.At >= 2 * Tick || run.IsCompleted)
            {
                Progress.Say($"[{name} {now.At.TotalSeconds,4:N0}s] published {now.Published - startPublished,10:N0} ({Rate(now.Published - last.Published, now.At - last.At),7:N0}/s)  " +
                             $"consumed {now.Consumed - startConsumed,10:N0} ({Rate(now.Consumed - last.Consumed, now.At - last.At),7:N0}/s)  backlog {now.Published - now.Consumed,9:N0}");
                last = now;
            }
        }

        await run;
        var elapsed = Stopwatch.GetElapsedTime(started);
        var end = (Published: fleet.Published, Consumed: consumed());
        var endCpu = Environment.CpuUsage.TotalTime;
        return new PhaseWindow(
            elapsed,
            end.Published - startPublished,
            end.Consumed - startConsumed,
            Rate(end.Published - startPublished, elapsed),
            Rate(end.Consumed - startConsumed, elapsed),
            Rate(end.Consumed - half.Consumed, elapsed - half.At),
            publisher.Errors,
            (endCpu - cpu) / elapsed,
            (endCpu - halfCpu) / (elapsed - half.At),
            load,
            GcActivity.Now() - gc);
    }

    /// <summary>Waits until the consumer has taken everything the publishers got acknowledged; returns how long that took.</summary>
    public static async Task<TimeSpan> DrainAsync(string name, LoadFleet fleet, Func<long> consumed, TimeSpan timeout)
    {
        var started = Stopwatch.GetTimestamp();
        var target = fleet.Published;
        var lastSaid = TimeSpan.Zero;
        while (consumed() < target)
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (elapsed > timeout)
            {
                Progress.Say($"[{name}] gave up waiting after {timeout.TotalSeconds:N0} s: {target - consumed():N0} of {target:N0} messages never arrived");
                return elapsed;
            }

            if (elapsed - lastSaid >= TimeSpan.FromSeconds(5))
            {
                Progress.Say($"[{name} drain {elapsed.TotalSeconds,4:N0}s] backlog {target - consumed(),9:N0}");
                lastSaid = elapsed;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }

        var took = Stopwatch.GetElapsedTime(started);
        Progress.Say($"[{name}] all {target:N0} acknowledged messages consumed, {took.TotalSeconds:N1} s after publishing stopped");
        return took;
    }

    /// <summary>The machine's 1-minute load average when the phase began (others share these cores).</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private static double Rate(long count, TimeSpan over) => over > TimeSpan.Zero ? count / over.TotalSeconds : 0;
}

/// <summary>What one phase's window measured; rates are per second; CPU is this process's, in cores busy (of <see cref="Environment.ProcessorCount"/>).</summary>
internal sealed record PhaseWindow(
    TimeSpan Elapsed, long Published, long Consumed, double PublishRate, double ConsumeRate, double SecondHalfConsumeRate, long PublishErrors,
    double CpuCores, double SecondHalfCpuCores, string LoadAverage, GcActivity Gc)
{
    public override string ToString() =>
        $"{Elapsed.TotalSeconds:N1} s: published {Published:N0} ({PublishRate:N0}/s), consumed {Consumed:N0} ({ConsumeRate:N0}/s; second half {SecondHalfConsumeRate:N0}/s), " +
        $"publish errors {PublishErrors:N0}; process CPU {CpuCores:N2} cores (second half {SecondHalfCpuCores:N2}) of {Environment.ProcessorCount}, load average {LoadAverage} at start; " +
        Gc.Describe(Elapsed);
}
