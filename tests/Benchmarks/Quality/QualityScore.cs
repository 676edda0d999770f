using WorkOrders.Simulators;

namespace WorkOrders.Benchmarks.Quality;

/// <summary>
/// Scores one detector version against the ground truth. A fault counts when it became detectable before it failed,
/// was repaired, or the run ended; it is <b>caught</b> when an episode opened after it began and before that end,
/// and was open at or after the moment it became detectable. Lead time = failure − the first such opening (failed
/// faults only). A <b>false alarm</b> is an episode opened outside every fault window ([began, repaired or end of run)),
/// counted per 100 device-days of time outside fault windows.
/// </summary>
internal static class QualityScore
{
    public static VersionQuality Measure(string version, IReadOnlyList<FleetOutcome> outcomes)
    {
        var faults = new List<FaultResult>();
        var falseAlarms = new List<(string AssetType, string Device, EpisodeSpan Episode)>();
        var exposure = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var outcome in outcomes)
        {
            foreach (var device in outcome.Devices)
            {
                var labels = outcome.Labels.Where(l => l.DeviceId == device.DeviceId).ToList();
                var episodes = outcome.Episodes[version][device.DeviceId];
                var windows = labels.Select(l => (From: l.BeganAt, To: Min(l.RepairedAt ?? outcome.End, outcome.End))).ToList();
                foreach (var label in labels)
                {
                    faults.Add(Judge(label, device.AssetType, episodes, outcome.End));
                }

                falseAlarms.AddRange(episodes
                    .Where(e => !windows.Any(w => e.OpenedAt >= w.From && e.OpenedAt < w.To))
                    .Select(e => (device.AssetType, device.DeviceId, e)));
                var faulty = windows.Sum(w => Math.Max(0, (Min(w.To, outcome.End) - Max(w.From, outcome.Start)).TotalDays));
                exposure[device.AssetType] = exposure.GetValueOrDefault(device.AssetType) + Math.Max(0, (outcome.End - outcome.Start).TotalDays - faulty);
            }
        }

        return new VersionQuality(version, faults, [.. falseAlarms.Select(f => new FalseAlarm(f.AssetType, f.Device, f.Episode))], exposure);
    }

    private static FaultResult Judge(FaultLabel label, string assetType, List<EpisodeSpan> episodes, DateTimeOffset runEnd)
    {
        var end = Min(Min(label.FailedAt, label.RepairedAt ?? DateTimeOffset.MaxValue), runEnd);
        var scored = label.DetectableAt < end;
        var first = episodes.FirstOrDefault(e => e.OpenedAt >= label.BeganAt && e.OpenedAt < end && e.OverlapsFrom(label.DetectableAt));
        var failedInRun = label.Failed && label.FailedAt <= runEnd;
        TimeSpan? lead = first is not null && failedInRun ? label.FailedAt - first.OpenedAt : null;
        return new FaultResult(label, assetType, scored, scored && first is not null, lead, first?.Explanation, first?.OpenedAt);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}

internal sealed record FaultResult(FaultLabel Label, string AssetType, bool Scored, bool Caught, TimeSpan? Lead, string? Explanation, DateTimeOffset? OpenedAt = null);

internal sealed record FalseAlarm(string AssetType, string DeviceId, EpisodeSpan Episode);

internal sealed record VersionQuality(
    string Version,
    IReadOnlyList<FaultResult> Faults,
    IReadOnlyList<FalseAlarm> FalseAlarms,
    IReadOnlyDictionary<string, double> HealthyDeviceDays)
{
    public double TotalHealthyDays => HealthyDeviceDays.Values.Sum();

    public double FalseAlarmsPer100DeviceDays => 100 * FalseAlarms.Count / Math.Max(TotalHealthyDays, 1e-9);
}
