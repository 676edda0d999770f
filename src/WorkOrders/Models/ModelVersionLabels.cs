using System.Globalization;

namespace WorkOrders.Maintenance.Models;

/// <summary>The readable name of a version, <c>{assetType}-v{number}</c>, as work orders and grain state carry it.</summary>
public static class ModelVersionLabels
{
    public static string Of(string assetType, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{assetType}-v{number}");
}
