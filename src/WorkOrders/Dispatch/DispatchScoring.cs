using WorkOrders.Maintenance.Engineers;
using WorkOrders.Maintenance.WorkOrders;
using static System.FormattableString;

namespace WorkOrders.Maintenance.Dispatch;

/// <summary>
/// The rules that decide who may take an order, and the score that ranks those who may. Pure: every fact comes in
/// through <see cref="DispatchOrder"/> and <see cref="EngineerFacts"/>, so it is tested without a database.
/// </summary>
public static class DispatchScoring
{
    /// <summary>Applies the rules, scores the rest, best first (ties by engineer id), and explains the choice.</summary>
    public static DispatchDecision Decide(
        DispatchOrder order, IEnumerable<EngineerFacts> engineers, DateTimeOffset now, DispatchOptions options)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(engineers);
        ArgumentNullException.ThrowIfNull(options);
        if (order.AssetType is null)
        {
            return new(null, "The order names no asset type, so no engineer can be matched to it; it stays New.", [], []);
        }

        var candidates = new List<ScoredCandidate>();
        var excluded = new List<ExcludedCandidate>();
        foreach (var facts in engineers.OrderBy(f => f.Engineer.Id, StringComparer.Ordinal))
        {
            if (WhyExcluded(order, facts.Engineer, now, options) is { } exclusion)
            {
                excluded.Add(exclusion);
            }
            else
            {
                candidates.Add(Score(order, facts, now, options));
            }
        }

        candidates.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.EngineerId, b.EngineerId));
        if (candidates.Count == 0)
        {
            var reason = excluded.Count == 0 || excluded.TrueForAll(e => e.Rule == "active")
                ? $"No active engineer is qualified for asset type '{order.AssetType}'; the order stays New."
                : $"No engineer passes the dispatch rules for asset type '{order.AssetType}' ({Filtered(excluded)}); the order stays New.";
            return new(null, reason, candidates, excluded);
        }

        var chosen = candidates[0];
        var parts = string.Join("; ", chosen.Parts.Select(p => Invariant($"{p.Factor} {p.Points + 0.0:+0.0;-0.0;0.0} ({p.Detail})")));
        var why = Invariant($"{chosen.Name} ({chosen.EngineerId}) scored {chosen.Score:0.0}, the best of {candidates.Count} eligible engineer(s): {parts}.");
        if (excluded.Count > 0)
        {
            why += $" Filtered out: {Filtered(excluded)}.";
        }

        return new(chosen.EngineerId, why, candidates, excluded);
    }

    /// <summary>The first rule <paramref name="engineer"/> fails for the order, or null when they may take it.</summary>
    public static ExcludedCandidate? WhyExcluded(DispatchOrder order, Engineer engineer, DateTimeOffset now, DispatchOptions options)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(engineer);
        ArgumentNullException.ThrowIfNull(options);
        if (WhyNotQualified(order, engineer, now) is { } notQualified)
        {
            return notQualified;
        }

        if (WorkingHours.NextWorkingAt(engineer.Shifts, engineer.TimeZone, now, options.AvailableWithin) is null)
        {
            var next = WorkingHours.NextWorkingAt(engineer.Shifts, engineer.TimeZone, now, TimeSpan.FromDays(8));
            return Excluded(engineer, "hours", next is { } at
                ? Invariant($"off shift: next shift starts {at:yyyy-MM-dd HH:mm} UTC, later than {options.AvailableWithin.TotalHours:0.#} h from now")
                : "no working hours in the coming week");
        }

        return null;
    }

    /// <summary>The rules that do not depend on the clock's hour: active, skill level, certificates, region.</summary>
    public static ExcludedCandidate? WhyNotQualified(DispatchOrder order, Engineer engineer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(engineer);
        if (!engineer.Active)
        {
            return Excluded(engineer, "active", "inactive");
        }

        var skill = engineer.Skills.Find(s => s.AssetType == order.AssetType);
        if (skill is null)
        {
            return Excluded(engineer, "skill", $"no skill for {order.AssetType}");
        }

        if (skill.Level < order.MinSkillLevel)
        {
            return Excluded(engineer, "skill", $"{order.AssetType} level {skill.Level} is below the required {order.MinSkillLevel}");
        }

        foreach (var code in order.RequiredCertifications)
        {
            var held = engineer.Certifications.Find(c => c.Code == code);
            if (held is null)
            {
                return Excluded(engineer, "certification", $"lacks the required certificate {code}");
            }

            if (!held.IsValidAt(now))
            {
                return Excluded(engineer, "certification", Invariant($"certificate {code} expired on {held.ExpiresAt:yyyy-MM-dd}"));
            }
        }

        if (order.Region is { } region && engineer.Region is { } own && own != region)
        {
            return Excluded(engineer, "region", $"works in region {own}, the order is in {region}");
        }

        return null;
    }

    /// <summary>The score of an eligible engineer, term by term.</summary>
    public static ScoredCandidate Score(DispatchOrder order, EngineerFacts facts, DateTimeOffset now, DispatchOptions options)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(options);
        var engineer = facts.Engineer;
        var factor = PriorityFactor(order.Priority);
        var parts = new List<ScorePart>();
        double? km = null;
        double? travelMinutes = null;
        if (Position(engineer, now, options) is { } from && order.Latitude is { } lat && order.Longitude is { } lon)
        {
            km = GeoDistance.Kilometres(from.Latitude, from.Longitude, lat, lon);
            travelMinutes = km.Value / options.TravelSpeedKmh * 60;
            parts.Add(new("distance", -options.DistanceWeightPerKm * km.Value * factor,
                Invariant($"{km:0.0} km from {from.Source}, {travelMinutes:0} min at {options.TravelSpeedKmh:0} km/h, × {factor} for {order.Priority} priority")));
        }
        else
        {
            parts.Add(new("distance", 0, "distance unknown (no coordinates for the job or the engineer)"));
        }

        if (order.Site is not null && engineer.Site == order.Site)
        {
            parts.Add(new("same_site", options.SameSiteWeight, $"works from {order.Site}, the order's site"));
        }

        parts.Add(new("workload", -options.WorkloadWeightPerOrder * facts.OpenWorkOrders, $"holds {facts.OpenWorkOrders} open order(s)"));
        var level = engineer.Skills.Find(s => s.AssetType == order.AssetType)?.Level ?? 0;
        parts.Add(new("skill", options.SkillLevelWeight * level, $"{order.AssetType} level {level}"));
        if (order.ResponseDueAt is { } due)
        {
            var start = WorkingHours.NextWorkingAt(engineer.Shifts, engineer.TimeZone, now, options.AvailableWithin) ?? now;
            var arrival = start + TimeSpan.FromMinutes(travelMinutes ?? 0);
            var slack = due - arrival;
            parts.Add(slack >= TimeSpan.Zero
                ? new("sla_slack", 0, Invariant($"arrives {slack.TotalHours:0.0} h before the response is due"))
                : new("sla_slack", options.SlaLatenessWeightPerHour * slack.TotalHours * factor,
                    Invariant($"arrives {-slack.TotalHours:0.0} h after the response is due, × {factor} for {order.Priority} priority")));
        }

        if (order.PreferredEngineerId is not null && order.PreferredEngineerId == engineer.Id)
        {
            parts.Add(new("preferred", options.PreferredEngineerWeight, "the customer's preferred engineer"));
        }

        var rate = (facts.FixedFirstTime + 1.0) / (facts.CompletedJobs + 2.0);
        parts.Add(new("first_time_fix", options.FirstTimeFixWeight * (rate - 0.5),
            Invariant($"{facts.FixedFirstTime} of {facts.CompletedJobs} {order.AssetType} job(s) fixed first time, rate {rate:0.00}")));
        var total = Math.Round(parts.Sum(p => p.Points), 6);
        return new(engineer.Id, engineer.Name, total, parts, km is null ? null : Math.Round(km.Value, 3),
            travelMinutes is null ? null : Math.Round(travelMinutes.Value, 1), facts.OpenWorkOrders, level);
    }

    /// <summary>Distance and lateness weigh more for urgent orders: Low 0.5, Medium 1, High 1.5, Urgent 2.</summary>
    public static double PriorityFactor(WorkOrderPriority priority) => priority switch
    {
        WorkOrderPriority.Low => 0.5,
        WorkOrderPriority.High => 1.5,
        WorkOrderPriority.Urgent => 2,
        _ => 1,
    };

    /// <summary>The engineer's current location while fresh, else the home base; null when neither is known.</summary>
    public static (double Latitude, double Longitude, string Source)? Position(Engineer engineer, DateTimeOffset now, DispatchOptions options)
    {
        ArgumentNullException.ThrowIfNull(engineer);
        ArgumentNullException.ThrowIfNull(options);
        if (engineer is { CurrentLatitude: { } lat, CurrentLongitude: { } lon, LocationReportedAt: { } at } && now - at <= options.LocationFreshFor)
        {
            return (lat, lon, "current location");
        }

        return engineer is { HomeLatitude: { } homeLat, HomeLongitude: { } homeLon } ? (homeLat, homeLon, "home base") : null;
    }

    private static ExcludedCandidate Excluded(Engineer engineer, string rule, string reason) => new(engineer.Id, engineer.Name, rule, reason);

    private static string Filtered(IEnumerable<ExcludedCandidate> excluded) =>
        string.Join(", ", excluded.Select(e => $"{e.EngineerId}: {e.Rule}, {e.Reason}"));
}
