namespace WorkOrders.Prediction.Lifecycle;

/// <summary>The active model version of an asset type, as grains run it.</summary>
/// <param name="Version">Its label, e.g. <c>pump-v3</c>: recorded in grain state and on the work orders it raises.</param>
public sealed record ActiveModel(string Version, ModelBundle Bundle);
