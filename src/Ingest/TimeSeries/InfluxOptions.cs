using System.ComponentModel.DataAnnotations;

namespace WorkOrders.Ingest.TimeSeries;

/// <summary>Where and how the InfluxDB store writes (configuration section "Influx").</summary>
public sealed class InfluxOptions : IValidatableObject
{
    public const string Section = "Influx";

    /// <summary>The server, e.g. http://127.0.0.1:8086 (1.x, or 2.x/3.x through their 1.x-compatible /write).</summary>
    [Required]
    public Uri? Url { get; set; }

    [Required]
    public string Database { get; set; } = "";

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Sent as <c>Authorization: Token ...</c> (2.x/3.x); takes the place of Username/Password.</summary>
    public string? Token { get; set; }

    /// <summary>Points per request.</summary>
    [Range(1, 1_000_000)]
    public int BatchSize { get; set; } = 5000;

    /// <summary>Retries of a batch after a 5xx, a 429 or a network error (not counting the first try).</summary>
    [Range(0, 100)]
    public int MaxRetries { get; set; } = 6;

    /// <summary>The first retry waits about this long; each next one about twice as long (with jitter).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>No computed back-off waits longer (a server's Retry-After is honoured as given).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one write request may take before it counts as a network error.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Url is { IsAbsoluteUri: false } || Url is { IsAbsoluteUri: true } && Url.Scheme is not ("http" or "https"))
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(Url)} must be an absolute http(s) URI, such as http://127.0.0.1:8086.", [nameof(Url)]);
        }

        if (string.IsNullOrEmpty(Username) != string.IsNullOrEmpty(Password))
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(Username)} and {Section}:{nameof(Password)} go together.", [nameof(Username), nameof(Password)]);
        }

        if (RetryBaseDelay <= TimeSpan.Zero || MaxRetryDelay < RetryBaseDelay)
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(RetryBaseDelay)} must be positive and at most {Section}:{nameof(MaxRetryDelay)}.",
                [nameof(RetryBaseDelay), nameof(MaxRetryDelay)]);
        }

        if (RequestTimeout <= TimeSpan.Zero)
        {
            yield return new ValidationResult($"{Section}:{nameof(RequestTimeout)} must be positive.", [nameof(RequestTimeout)]);
        }
    }
}
