namespace WorkOrders.Maintenance.Engineers;

/// <summary>A field engineer who can be dispatched to work orders.</summary>
public sealed class Engineer
{
    public required string Id { get; set; }

    public required string Name { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    /// <summary>The site the engineer works from; assignment prefers engineers at the asset's site.</summary>
    public required string Site { get; set; }

    public string? Region { get; set; }

    public double? HomeLatitude { get; set; }

    public double? HomeLongitude { get; set; }

    public bool Active { get; set; } = true;

    public List<EngineerSkill> Skills { get; set; } = [];

    /// <summary>The IANA time zone the <see cref="Shifts"/> are written in (e.g. <c>Europe/Stockholm</c>); null is UTC.</summary>
    public string? TimeZone { get; set; }

    /// <summary>Where the engineer's phone last said they were; preferred over the home base while fresh.</summary>
    public double? CurrentLatitude { get; set; }

    public double? CurrentLongitude { get; set; }

    /// <summary>When <see cref="CurrentLatitude"/>/<see cref="CurrentLongitude"/> were reported.</summary>
    public DateTimeOffset? LocationReportedAt { get; set; }

    /// <summary>Certificates held, each with an optional expiry.</summary>
    public List<EngineerCertification> Certifications { get; set; } = [];

    /// <summary>The weekly working hours; none means always available.</summary>
    public List<EngineerShift> Shifts { get; set; } = [];
}
