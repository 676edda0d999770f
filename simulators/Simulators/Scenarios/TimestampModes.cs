namespace WorkOrders.Simulators;

/// <summary>What a published sample's <c>ts</c> says (scenario field <c>timestamps</c>).</summary>
public static class TimestampModes
{
    /// <summary>The simulated time of the sample: realistic spacing, but it outruns the wall clock when sped up.</summary>
    public const string Simulated = "simulated";

    /// <summary>
    /// The publisher's clock: run start + step × interval ÷ speed-up. Physics keep the simulated pace, so the fleet
    /// looks <c>speedUp</c> times faster, and a long accelerated run never publishes timestamps ahead of the server.
    /// </summary>
    public const string WallClock = "wallClock";

    public static IReadOnlyList<string> All { get; } = [Simulated, WallClock];
}
