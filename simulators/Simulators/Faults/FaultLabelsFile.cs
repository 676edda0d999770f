using System.Globalization;
using System.Text;
using System.Text.Json;

namespace WorkOrders.Simulators;

/// <summary>
/// Writes ground truth for a run: JSON when the path ends in <c>.json</c>, CSV otherwise. Times are ISO 8601 UTC;
/// columns/fields: deviceId, faultKind, channel, beganAt, detectableAt, failedAt, repairedAt, failed.
/// </summary>
public static class FaultLabelsFile
{
    public static async Task WriteAsync(string path, IEnumerable<FaultLabel> labels, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var text = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? ToJson(labels) : ToCsv(labels);
        await File.WriteAllTextAsync(path, text, cancellationToken);
    }

    public static string ToCsv(IEnumerable<FaultLabel> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var csv = new StringBuilder("device_id,fault_kind,channel,began_at,detectable_at,failed_at,repaired_at,failed\n");
        foreach (var l in labels)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{l.DeviceId},{l.FaultKind},{l.Channel},{Time(l.BeganAt)},{Time(l.DetectableAt)},{Time(l.FailedAt)},{(l.RepairedAt is { } r ? Time(r) : "")},{(l.Failed ? "true" : "false")}\n");
        }

        return csv.ToString();
    }

    public static string ToJson(IEnumerable<FaultLabel> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var rows = labels.Select(l => new Dictionary<string, object?>
        {
            ["deviceId"] = l.DeviceId,
            ["faultKind"] = l.FaultKind,
            ["channel"] = l.Channel,
            ["beganAt"] = Time(l.BeganAt),
            ["detectableAt"] = Time(l.DetectableAt),
            ["failedAt"] = Time(l.FailedAt),
            ["repairedAt"] = l.RepairedAt is { } r ? Time(r) : null,
            ["failed"] = l.Failed,
        });
        return JsonSerializer.Serialize(rows, ScenarioJson.Options);
    }

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
