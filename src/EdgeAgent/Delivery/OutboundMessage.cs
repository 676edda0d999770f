namespace WorkOrders.EdgeAgent.Delivery;

/// <summary>A QoS 1 publish; <paramref name="Lane"/> (live or backlog) travels as an MQTT 5 user property where the broker speaks MQTT 5.</summary>
public sealed record OutboundMessage(string Topic, ReadOnlyMemory<byte> Payload, bool Retain, string? Lane = null);

/// <summary>A message the agent received on one of its subscriptions.</summary>
public sealed record InboundMessage(string Topic, byte[] Payload);
