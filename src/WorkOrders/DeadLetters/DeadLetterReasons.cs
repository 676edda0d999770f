namespace WorkOrders.Maintenance.DeadLetters;

/// <summary>Codes stored in <see cref="DeadLetter.Reason"/>. Append new ones; never rename stored ones.</summary>
public static class DeadLetterReasons
{
    public const string BadJson = "bad_json";
    public const string UnknownDevice = "unknown_device";
    public const string ValueOutOfRange = "value_out_of_range";
    public const string FutureTimestamp = "future_timestamp";
    public const string Oversized = "oversized";
    public const string MissingField = "missing_field";
}
