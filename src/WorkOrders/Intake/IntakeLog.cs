using Microsoft.Extensions.Logging;

namespace WorkOrders.Maintenance.Intake;

/// <summary>Intake's log messages (ids 501–519, so they never collide with the project's <c>Log</c>).</summary>
internal static partial class IntakeLog
{
    [LoggerMessage(501, LogLevel.Information, "Catalog: added {Count} default categor(ies)")]
    public static partial void CatalogSeeded(this ILogger logger, int count);

    [LoggerMessage(502, LogLevel.Information, "Work order {Number} for device {DeviceId} linked as a duplicate of {OriginalNumber} ({Category}); not dispatched")]
    public static partial void LinkedAsDuplicate(this ILogger logger, string number, string? deviceId, string originalNumber, string category);

    [LoggerMessage(503, LogLevel.Information, "Import: {Created} created, {Linked} linked, {Existing} already there, {Rejected} rejected of {Rows} row(s)")]
    public static partial void Imported(this ILogger logger, int created, int linked, int existing, int rejected, int rows);
}
