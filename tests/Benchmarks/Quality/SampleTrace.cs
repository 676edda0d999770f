using System.Globalization;
using WorkOrders.Prediction.Anomaly;

namespace WorkOrders.Benchmarks.Quality;

/// <summary>
/// <c>--trace FLEET/DEVICE --trace-file PATH</c>: every sample of one device as the first listed version scored it
/// (time, readings, score, explanation), as CSV, for looking into a miss or a false alarm.
/// </summary>
internal sealed class SampleTrace(string fleet, string device, TextWriter writer) : IDisposable
{
    private string[]? channels;

    public static SampleTrace? Open(string fleetName, string? trace, string? path)
    {
        if (trace is null || path is null || trace.Split('/') is not [var fleet, var device] || fleet != fleetName)
        {
            return null;
        }

        return new SampleTrace(fleet, device, new StreamWriter(path));
    }

    public bool Follows(string deviceId) => deviceId == device;

    public void Write(DateTimeOffset at, IReadOnlyDictionary<string, double> readings, AnomalyScore score)
    {
        if (channels is null)
        {
            channels = [.. readings.Keys.Order(StringComparer.Ordinal)];
            writer.WriteLine($"# {fleet}/{device}");
            writer.WriteLine("time," + string.Join(',', channels) + ",score,explanation");
        }

        var values = channels.Select(c => readings.TryGetValue(c, out var v) ? v.ToString("G6", CultureInfo.InvariantCulture) : "");
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{at:yyyy-MM-dd HH:mm:ss},{string.Join(',', values)},{score.Score:0.000},\"{score.Explain()}\""));
    }

    public void Dispose() => writer.Dispose();
}
