namespace WorkOrders.Prediction.Lifecycle;

/// <summary>The default where no model store is wired: grains run the built-in detector without a version.</summary>
public sealed class NoActiveModels : IActiveModels
{
    public ActiveModel? Find(string assetType) => null;
}
