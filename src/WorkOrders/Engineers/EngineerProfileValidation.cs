using System.Globalization;
using WorkOrders.Maintenance.Validation;

namespace WorkOrders.Maintenance.Engineers;

/// <summary>Validates the dispatch profile of a registration (coordinates, time zone, certifications, hours).</summary>
internal static class EngineerProfileValidation
{
    public static ValidatedProfile Validate(EngineerRegistration registration, ValidationErrors errors)
    {
        Coordinates(errors, "homeLatitude", "homeLongitude", registration.HomeLatitude, registration.HomeLongitude, required: false);
        var timeZone = string.IsNullOrWhiteSpace(registration.TimeZone) ? null : registration.TimeZone.Trim();
        if (timeZone is not null && WorkingHours.FindZone(timeZone) is null)
        {
            errors.Add("timeZone", $"timeZone '{timeZone}' is not a known time zone; use an IANA name such as Europe/Stockholm.");
        }

        var certifications = new List<EngineerCertificationView>();
        var given = registration.Certifications ?? [];
        for (var i = 0; i < given.Count; i++)
        {
            var code = Codes.Normalize(errors.Text($"certifications[{i}].code", given[i].Code, 64, required: true));
            if (code is not null && certifications.Exists(c => c.Code == code))
            {
                errors.Add($"certifications[{i}].code", $"certifications[{i}].code '{code}' is listed twice.");
            }
            else if (code is not null)
            {
                certifications.Add(new(code, given[i].ExpiresAt?.ToUniversalTime()));
            }
        }

        var shifts = new List<(DayOfWeek Day, int Start, int End)>();
        var hours = registration.WorkingHours ?? [];
        for (var i = 0; i < hours.Count; i++)
        {
            var field = $"workingHours[{i}]";
            DayOfWeek? day = Enum.TryParse<DayOfWeek>(hours[i].Day?.Trim(), ignoreCase: true, out var d) && !int.TryParse(hours[i].Day, out _) ? d : null;
            if (day is null)
            {
                errors.Add($"{field}.day", $"{field}.day must be a day name such as Monday; '{hours[i].Day}' is not.");
            }

            var start = Minute(hours[i].Start);
            var end = Minute(hours[i].End);
            if (start is null || end is null || start >= end)
            {
                errors.Add(field, $"{field} needs start and end as HH:mm with start before end (end 24:00 is midnight).");
            }
            else if (day is { } valid && shifts.Exists(s => s.Day == valid && s.Start < end && start < s.End))
            {
                errors.Add(field, $"{field} overlaps another block on {valid}.");
            }
            else if (day is { } ok)
            {
                shifts.Add((ok, start.Value, end.Value));
            }
        }

        return new(timeZone, certifications, shifts);
    }

    public static void Coordinates(ValidationErrors errors, string latField, string lonField, double? latitude, double? longitude, bool required)
    {
        if (latitude is null != longitude is null || (required && latitude is null))
        {
            errors.Add(latField, $"{latField} and {lonField} must be given together.");
            return;
        }

        if (latitude is { } lat && (!double.IsFinite(lat) || lat is < -90 or > 90))
        {
            errors.Add(latField, $"{latField} must be from -90 to 90.");
        }

        if (longitude is { } lon && (!double.IsFinite(lon) || lon is < -180 or > 180))
        {
            errors.Add(lonField, $"{lonField} must be from -180 to 180.");
        }
    }

    public static EngineerShiftView ToView(EngineerShift shift) =>
        new(shift.Day.ToString(), Clock(shift.StartMinute), Clock(shift.EndMinute));

    private static string Clock(int minute) => $"{minute / 60:00}:{minute % 60:00}";

    private static int? Minute(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        if (trimmed == "24:00")
        {
            return EngineerShift.MinutesPerDay;
        }

        return TimeOnly.TryParseExact(trimmed, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? (time.Hour * 60) + time.Minute
            : null;
    }
}

/// <summary>A validated profile, ready to replace the engineer's certifications and shifts.</summary>
internal sealed record ValidatedProfile(
    string? TimeZone, IReadOnlyList<EngineerCertificationView> Certifications, IReadOnlyList<(DayOfWeek Day, int Start, int End)> Shifts)
{
    public void ApplyTo(Engineer engineer)
    {
        engineer.TimeZone = TimeZone;
        engineer.Certifications.RemoveAll(c => !Certifications.Any(n => n.Code == c.Code));
        foreach (var certification in Certifications)
        {
            if (engineer.Certifications.Find(c => c.Code == certification.Code) is { } existing)
            {
                existing.ExpiresAt = certification.ExpiresAt;
            }
            else
            {
                engineer.Certifications.Add(new() { EngineerId = engineer.Id, Code = certification.Code, ExpiresAt = certification.ExpiresAt });
            }
        }

        engineer.Shifts.RemoveAll(s => !Shifts.Any(n => n.Day == s.Day && n.Start == s.StartMinute));
        foreach (var (day, start, end) in Shifts)
        {
            if (engineer.Shifts.Find(s => s.Day == day && s.StartMinute == start) is { } existing)
            {
                existing.EndMinute = end;
            }
            else
            {
                engineer.Shifts.Add(new() { EngineerId = engineer.Id, Day = day, StartMinute = start, EndMinute = end });
            }
        }
    }
}
