namespace WorkOrders.Maintenance.Engineers;

/// <summary>A certificate an engineer holds (a code such as <c>f-gas</c>), valid until <see cref="ExpiresAt"/> if set.</summary>
public sealed class EngineerCertification
{
    public required string EngineerId { get; set; }

    public required string Code { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>True while the certificate has not expired at <paramref name="at"/>.</summary>
    public bool IsValidAt(DateTimeOffset at) => ExpiresAt is not { } expires || expires > at;
}
