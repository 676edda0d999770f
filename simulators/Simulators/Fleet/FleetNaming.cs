namespace WorkOrders.Simulators;

/// <summary>Device ids of a fleet group: <c>{idPrefix}-{n:D2}</c>, the prefix defaulting to <c>{site}-{assetType}</c>.</summary>
internal static class FleetNaming
{
    public static string Prefix(FleetGroupSpec group) => group.IdPrefix ?? $"{group.Site}-{group.AssetType}";

    public static IEnumerable<string> DeviceIds(FleetGroupSpec group)
    {
        var prefix = Prefix(group);
        var width = Math.Max(2, group.Count.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        for (var n = 1; n <= group.Count; n++)
        {
            yield return $"{prefix}-{n.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width, '0')}";
        }
    }
}
