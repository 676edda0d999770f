using System.Globalization;

namespace WorkOrders.Simulators.Cli;

/// <summary><c>--start</c>: an ISO 8601 time, <c>now</c>, or <c>now-N</c> with a unit (<c>now-6h</c>, <c>now-90m</c>, <c>now-2d</c>).</summary>
internal static class StartTime
{
    public static bool TryParse(string text, DateTimeOffset now, out DateTimeOffset start)
    {
        start = now;
        if (text == "now")
        {
            return true;
        }

        if (text.StartsWith("now-", StringComparison.Ordinal) && text.Length > 5
            && double.TryParse(text[4..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount >= 0)
        {
            TimeSpan? back = text[^1] switch
            {
                's' => TimeSpan.FromSeconds(amount),
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                'd' => TimeSpan.FromDays(amount),
                _ => null,
            };
            start = now - (back ?? TimeSpan.Zero);
            return back is not null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out start);
    }
}
