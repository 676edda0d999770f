using WorkOrders.Simulators;

namespace WorkOrders.Benchmarks.Quality;

/// <summary>What every detector version opened on every device of one simulated fleet, with the fleet's ground truth.</summary>
internal sealed record FleetOutcome(
    string Name,
    IReadOnlyList<SimulatedDevice> Devices,
    IReadOnlyList<FaultLabel> Labels,
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, List<EpisodeSpan>>> Episodes);
