namespace WorkOrders.Prediction.Lifecycle;

/// <summary>One stored reading set of a device.</summary>
public sealed record HistorySample(DateTimeOffset Timestamp, IReadOnlyDictionary<string, double> Readings);

/// <summary>A device's stored telemetry over the training range, oldest first.</summary>
public sealed record DeviceHistory(string DeviceId, IReadOnlyList<HistorySample> Samples);

/// <summary>What is known about a stretch of a device's history.</summary>
public enum LabelKind
{
    /// <summary>An engineer found no fault: normal data, whatever the detector thought.</summary>
    KnownNormal,

    /// <summary>An engineer confirmed a fault: not normal; its end is the failure time of a run-to-failure unit.</summary>
    ConfirmedFault,

    /// <summary>An episode nobody has labelled yet (its order is still open): left out of the normal data.</summary>
    Unlabelled,
}

/// <summary>A labelled window of one device's history, from its work order's outcome.</summary>
public sealed record LabelWindow(string DeviceId, DateTimeOffset Start, DateTimeOffset End, LabelKind Kind);
