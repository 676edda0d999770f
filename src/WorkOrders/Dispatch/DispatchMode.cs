using System.Text.Json.Serialization;

namespace WorkOrders.Maintenance.Dispatch;

/// <summary>How orders of a category reach an engineer when they are opened. Stored as its name.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DispatchMode>))]
public enum DispatchMode
{
    /// <summary>The best-scoring eligible engineer gets the order at once.</summary>
    Automatic,

    /// <summary>The top three are stored; a dispatcher confirms one (the order stays New until then).</summary>
    Suggested,

    /// <summary>Eligible engineers see the order in their pool; the first to claim it gets it.</summary>
    OpenPool,
}
