namespace WorkOrders.Benchmarks.EndToEnd;

/// <summary>How hard the publishers push: flat out (each connection publishes its next sample as soon as the previous PUBACK arrives) or at a fixed total rate.</summary>
internal sealed record LoadPlan(double? MessagesPerSecond)
{
    public static LoadPlan FlatOut { get; } = new((double?)null);

    public static LoadPlan Paced(double messagesPerSecond) => new(messagesPerSecond);

    public override string ToString() => MessagesPerSecond is { } rate ? $"paced at {rate:N0} msgs/s" : "flat out";
}
