namespace WorkOrders.Maintenance.Models.Training;

/// <summary>What a running job is doing (<see cref="TrainingJob.Stage"/>) and how far it is, 0 … 100.</summary>
public sealed record TrainingProgress(string Stage, int Percent);
