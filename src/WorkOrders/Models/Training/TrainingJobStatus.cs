using System.Text.Json.Serialization;

namespace WorkOrders.Maintenance.Models.Training;

/// <summary>
/// Where a <see cref="TrainingJob"/> is: waiting for a worker, being trained, or ended (succeeded, failed, or cancelled
/// by a user). Stored and shown as its name.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<TrainingJobStatus>))]
public enum TrainingJobStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}
