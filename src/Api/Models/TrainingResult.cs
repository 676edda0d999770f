using WorkOrders.Maintenance.Models;

namespace WorkOrders.Api.Models;

/// <summary>The stored candidate, messages per field, or why nothing could be trained.</summary>
public sealed record TrainingResult(ModelVersionView? Version, IDictionary<string, string[]> Errors, string? Problem)
{
    public static TrainingResult Invalid(IDictionary<string, string[]> errors) => new(null, errors, null);

    public static TrainingResult Impossible(string problem) => new(null, new Dictionary<string, string[]>(), problem);

    public static TrainingResult Trained(ModelVersionView version) => new(version, new Dictionary<string, string[]>(), null);
}
