namespace WorkOrders.Maintenance.Engineers;

/// <summary>An asset type and level (1–5), as sent and shown by the API.</summary>
public sealed record EngineerSkillView(string AssetType, int Level);

/// <summary>A certificate code and its expiry (null: does not expire).</summary>
public sealed record EngineerCertificationView(string Code, DateTimeOffset? ExpiresAt = null);

/// <summary>Weekly working hours: a day name (<c>Monday</c>) and local times <c>HH:mm</c>; end <c>24:00</c> is midnight.</summary>
public sealed record EngineerShiftView(string Day, string Start, string End);

/// <summary>Where the engineer's phone says they are (<c>POST /api/engineers/{id}/location</c>); <see cref="At"/> defaults to now.</summary>
public sealed record EngineerLocationReport(double? Latitude, double? Longitude, DateTimeOffset? At = null);

/// <summary>An engineer as the API shows it, with how many orders they hold now.</summary>
public sealed record EngineerView(
    string Id,
    string Name,
    string? Phone,
    string? Email,
    string Site,
    string? Region,
    double? HomeLatitude,
    double? HomeLongitude,
    bool Active,
    IReadOnlyList<EngineerSkillView> Skills,
    int OpenWorkOrders,
    string? TimeZone = null,
    IReadOnlyList<EngineerCertificationView>? Certifications = null,
    IReadOnlyList<EngineerShiftView>? WorkingHours = null,
    double? CurrentLatitude = null,
    double? CurrentLongitude = null,
    DateTimeOffset? LocationReportedAt = null);

/// <summary>
/// Adds or replaces an engineer (skills, certifications and working hours included) through <c>POST /api/engineers</c>.
/// No working hours means always available.
/// </summary>
public sealed record EngineerRegistration(
    string? Id,
    string? Name,
    string? Site,
    IReadOnlyList<EngineerSkillView>? Skills,
    string? Phone = null,
    string? Email = null,
    string? Region = null,
    double? HomeLatitude = null,
    double? HomeLongitude = null,
    bool Active = true,
    string? TimeZone = null,
    IReadOnlyList<EngineerCertificationView>? Certifications = null,
    IReadOnlyList<EngineerShiftView>? WorkingHours = null);

/// <summary>The outcome of a registration: the engineer, or messages per field.</summary>
public sealed record EngineerRegistrationResult(EngineerView? Engineer, bool Created, IDictionary<string, string[]> Errors)
{
    public bool IsValid => Engineer is not null;
}
