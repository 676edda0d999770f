namespace WorkOrders.Maintenance.Models;

public enum ModelActivationOutcome
{
    Activated,
    NotFound,
    Conflict,
}

/// <summary><see cref="ModelActivationOutcome.Activated"/> with the now active version, or why nothing changed.</summary>
public sealed record ModelActivationResult(ModelActivationOutcome Outcome, ModelVersionView? Active, string? Problem)
{
    internal static ModelActivationResult NotFound(string problem) => new(ModelActivationOutcome.NotFound, null, problem);

    internal static ModelActivationResult Conflict(string problem) => new(ModelActivationOutcome.Conflict, null, problem);

    internal static ModelActivationResult Activated(ModelVersion version) =>
        new(ModelActivationOutcome.Activated, ModelVersionView.From(version), null);
}
