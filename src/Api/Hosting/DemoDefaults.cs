namespace WorkOrders.Api.Hosting;

/// <summary>
/// What <c>--demo</c> turns on: everything in this process on embedded defaults (in-process broker,
/// single-node silo, SQLite files under <c>.data/</c>) plus a simulated fleet. Any key can still be
/// overridden by later command-line arguments.
/// </summary>
public static class DemoDefaults
{
    public static IReadOnlyList<string> Arguments { get; } =
    [
        "--Platform:Demo=true",
        "--Broker:Embedded=true",

        // The simulated fleet runs on an accelerated clock (60 simulated seconds per real second), so its
        // timestamps run ahead of the server's clock; a real install keeps the 5-minute default.
        "--Ingest:Validation:MaxFutureSkew=30.00:00:00",
    ];
}
