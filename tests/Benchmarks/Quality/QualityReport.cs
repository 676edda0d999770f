using System.Globalization;
using WorkOrders.Simulators;

namespace WorkOrders.Benchmarks.Quality;

/// <summary>Prints the benchmark's figures as Markdown tables (the form docs/benchmarks.md keeps).</summary>
internal static class QualityReport
{
    public static void Write(TextWriter writer, IReadOnlyList<VersionQuality> results)
    {
        writer.WriteLine("| version | faults caught before failure | recall | median lead time (h) | false alarms | per 100 device-days |");
        writer.WriteLine("|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            var scored = r.Faults.Where(f => f.Scored).ToList();
            writer.WriteLine(Invariant($"| {r.Version} | {scored.Count(f => f.Caught)}/{scored.Count} | {Ratio(scored.Count(f => f.Caught), scored.Count)} | {MedianLead(scored)} | {r.FalseAlarms.Count} | {r.FalseAlarmsPer100DeviceDays:F2} |"));
        }

        writer.WriteLine();
        writer.WriteLine("Per fault kind: caught/scored, median lead time in hours.");
        writer.WriteLine();
        writer.WriteLine("| fault kind | " + string.Join(" | ", results.Select(r => r.Version)) + " |");
        writer.WriteLine("|---|" + string.Concat(results.Select(_ => "---|")));
        foreach (var kind in FaultKinds.All)
        {
            var cells = results.Select(r =>
            {
                var scored = r.Faults.Where(f => f.Scored && f.Label.FaultKind == kind).ToList();
                return $"{scored.Count(f => f.Caught)}/{scored.Count}, {MedianLead(scored)}";
            });
            writer.WriteLine($"| {kind} | {string.Join(" | ", cells)} |");
        }

        writer.WriteLine();
        writer.WriteLine("False alarms per asset type: count (per 100 device-days).");
        writer.WriteLine();
        writer.WriteLine("| asset type | " + string.Join(" | ", results.Select(r => r.Version)) + " |");
        writer.WriteLine("|---|" + string.Concat(results.Select(_ => "---|")));
        foreach (var type in AssetTypes.All)
        {
            var cells = results.Select(r =>
            {
                var count = r.FalseAlarms.Count(f => f.AssetType == type);
                return Invariant($"{count} ({100 * count / Math.Max(r.HealthyDeviceDays.GetValueOrDefault(type), 1e-9):F2})");
            });
            writer.WriteLine($"| {type} | {string.Join(" | ", cells)} |");
        }

        writer.WriteLine();
        writer.WriteLine(Invariant($"Healthy exposure: {results[0].TotalHealthyDays:F1} device-days outside fault windows."));
    }

    /// <summary>Every miss and every false alarm of one version, for tuning.</summary>
    public static void WriteDetail(TextWriter writer, VersionQuality result)
    {
        writer.WriteLine($"--- {result.Version}: misses");
        foreach (var f in result.Faults.Where(f => f.Scored && !f.Caught))
        {
            writer.WriteLine(Invariant($"  {f.Label.DeviceId} {f.Label.FaultKind} {f.Label.Channel} began {f.Label.BeganAt:MM-dd HH:mm} detectable {f.Label.DetectableAt:MM-dd HH:mm} fails {f.Label.FailedAt:MM-dd HH:mm}"));
        }

        writer.WriteLine($"--- {result.Version}: caught (the first episode that counts)");
        foreach (var f in result.Faults.Where(f => f.Caught))
        {
            writer.WriteLine(Invariant($"  {f.Label.DeviceId} {f.Label.FaultKind} {f.Label.Channel} began {f.Label.BeganAt:MM-dd HH:mm} detectable {f.Label.DetectableAt:MM-dd HH:mm}, opened {f.OpenedAt:MM-dd HH:mm}: {f.Explanation}"));
        }

        writer.WriteLine($"--- {result.Version}: false alarms");
        foreach (var a in result.FalseAlarms)
        {
            writer.WriteLine(Invariant($"  {a.DeviceId} {a.Episode.OpenedAt:MM-dd HH:mm} {a.Episode.Explanation}"));
        }
    }

    private static string Ratio(int part, int whole) => whole == 0 ? "—" : Invariant($"{100.0 * part / whole:F0} %");

    private static string MedianLead(IEnumerable<FaultResult> faults)
    {
        var leads = faults.Where(f => f.Lead is not null).Select(f => f.Lead!.Value.TotalHours).Order().ToArray();
        if (leads.Length == 0)
        {
            return "—";
        }

        var median = leads.Length % 2 == 1 ? leads[leads.Length / 2] : (leads[(leads.Length / 2) - 1] + leads[leads.Length / 2]) / 2;
        return Invariant($"{median:F1}");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
