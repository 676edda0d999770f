namespace WorkOrders.Prediction.Lifecycle;

/// <summary><c>manifest.json</c> of a model artifact.</summary>
internal sealed record ModelArtifactManifest(int FormatVersion, string AssetType, bool HasBaseline, bool HasRul, TimeSpan RulCycle)
{
    public const int CurrentFormatVersion = 1;
}
