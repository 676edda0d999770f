namespace WorkOrders.Ingest.Validation;

/// <summary>Why a message or sample went to the dead-letter store: stable codes, used as metric tags.</summary>
public static class RejectReason
{
    public const string Oversized = "oversized";
    public const string BadTopic = "bad_topic";
    public const string BadJson = "bad_json";
    public const string MissingField = "missing_field";
    public const string DeviceMismatch = "device_mismatch";
    public const string UnknownDevice = "unknown_device";
    public const string TooManySamples = "too_many_samples";
    public const string TooManyReadings = "too_many_readings";
    public const string InvalidReadingName = "invalid_reading_name";
    public const string NonFiniteValue = "non_finite_value";
    public const string ValueOutOfRange = "value_out_of_range";
    public const string FutureTimestamp = "future_timestamp";
    public const string StaleTimestamp = "stale_timestamp";
    public const string InvalidSeq = "invalid_seq";
}
