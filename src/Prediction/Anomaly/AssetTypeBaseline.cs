namespace WorkOrders.Prediction.Anomaly;

/// <summary>
/// What a new device of an asset type starts from: each channel's robust sigma (the noise a device of this type shows around its own level), and the
/// cross-channel subspace (rank × channels, row-major) that ML.NET's RandomizedPca learned on normal windows.
/// </summary>
public sealed record AssetTypeBaseline(
    string AssetType,
    IReadOnlyList<string> Channels,
    IReadOnlyList<double> Sigmas,
    int Rank,
    IReadOnlyList<double> Components,
    double ResidualEnergy);
