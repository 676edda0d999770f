using System.Globalization;
using WorkOrders.Maintenance.Validation;

namespace WorkOrders.Maintenance.WorkOrders;

/// <summary>Where an actor was when they made a change: WGS 84 degrees and, optionally, the accuracy radius in metres.</summary>
public sealed record WorkOrderEventLocation(double Latitude, double Longitude, double? AccuracyMeters)
{
    public const double MaxAccuracyMeters = 100_000;

    /// <summary>
    /// The location from optional request fields, or null when none is given; adds a message per bad field:
    /// latitude −90..90, longitude −180..180, both or neither, accuracyMeters 0..100000 and only with a position.
    /// </summary>
    public static WorkOrderEventLocation? Parse(ValidationErrors errors, double? latitude, double? longitude, double? accuracyMeters)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (latitude is { } lat && !(double.IsFinite(lat) && lat is >= -90 and <= 90))
        {
            errors.Add("latitude", $"latitude must be from -90 to 90 degrees; {Format(lat)} is not.");
        }

        if (longitude is { } lon && !(double.IsFinite(lon) && lon is >= -180 and <= 180))
        {
            errors.Add("longitude", $"longitude must be from -180 to 180 degrees; {Format(lon)} is not.");
        }

        if (latitude is null && longitude is not null)
        {
            errors.Add("latitude", "latitude is required when longitude is given.");
        }

        if (longitude is null && latitude is not null)
        {
            errors.Add("longitude", "longitude is required when latitude is given.");
        }

        if (accuracyMeters is { } accuracy && !(double.IsFinite(accuracy) && accuracy is >= 0 and <= MaxAccuracyMeters))
        {
            errors.Add("accuracyMeters", $"accuracyMeters must be from 0 to 100000 metres; {Format(accuracy)} is not.");
        }
        else if (accuracyMeters is not null && latitude is null && longitude is null)
        {
            errors.Add("accuracyMeters", "accuracyMeters may only be given with latitude and longitude.");
        }

        return latitude is { } la && longitude is { } lo && !errors.Contains("latitude") && !errors.Contains("longitude")
            && !errors.Contains("accuracyMeters")
            ? new(la, lo, accuracyMeters)
            : null;
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
