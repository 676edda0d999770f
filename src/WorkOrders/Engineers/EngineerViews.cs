namespace WorkOrders.Maintenance.Engineers;

/// <summary>An asset type and level (1–5), as sent and shown by the API.</summary>
public sealed record EngineerSkillView(string AssetType, int Level);

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
    int OpenWorkOrders);

/// <summary>Adds or replaces an engineer (skills included) through <c>POST /api/engineers</c>.</summary>
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
    bool Active = true);

/// <summary>The outcome of a registration: the engineer, or messages per field.</summary>
public sealed record EngineerRegistrationResult(EngineerView? Engineer, bool Created, IDictionary<string, string[]> Errors)
{
    public bool IsValid => Engineer is not null;
}
