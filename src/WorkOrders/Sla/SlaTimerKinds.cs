namespace WorkOrders.Maintenance.Sla;

/// <summary>The <see cref="Timers.DurableTimer.Kind"/> names of SLA timers.</summary>
public static class SlaTimerKinds
{
    public const string Stall = "stall";
    private const string EscalatePrefix = "escalate-";

    public static string Warning(SlaMilestone milestone) => $"{Name(milestone)}-warning";

    public static string Breach(SlaMilestone milestone) => $"{Name(milestone)}-breach";

    public static string Escalate(int level) => $"{EscalatePrefix}{level}";

    public static bool IsEscalation(string kind, out int level)
    {
        ArgumentNullException.ThrowIfNull(kind);
        level = 0;
        return kind.StartsWith(EscalatePrefix, StringComparison.Ordinal)
            && int.TryParse(kind.AsSpan(EscalatePrefix.Length), System.Globalization.CultureInfo.InvariantCulture, out level);
    }

    /// <summary>The milestone and whether it is the warning (false: the breach) of an SLA target timer.</summary>
    public static bool IsTarget(string kind, out SlaMilestone milestone, out bool warning)
    {
        foreach (var m in Enum.GetValues<SlaMilestone>())
        {
            if (kind == Warning(m) || kind == Breach(m))
            {
                milestone = m;
                warning = kind == Warning(m);
                return true;
            }
        }

        milestone = default;
        warning = false;
        return false;
    }

    public static string Name(SlaMilestone milestone) => milestone switch
    {
        SlaMilestone.Response => "response",
        SlaMilestone.Arrival => "arrival",
        _ => "resolution",
    };
}
