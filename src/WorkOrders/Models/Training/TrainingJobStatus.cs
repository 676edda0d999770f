using System.Text.Json.Serialization;

namespace WorkOrders.Maintenance.Models.Training;

/// <summary>Where a <see cref="TrainingJob"/> is: waiting for a worker, being trained, or ended. Stored and shown as its name.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TrainingJobStatus>))]
public enum TrainingJobStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
}
