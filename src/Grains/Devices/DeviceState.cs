using System.Text.Json.Serialization;
using WorkOrders.Contracts.Telemetry;
using WorkOrders.Prediction.Anomaly;
using WorkOrders.Prediction.Lifecycle;

namespace WorkOrders.Grains.Devices;

/// <summary>
/// What a device grain must not forget across deactivation and restarts. Stored as JSON by the
/// host's grain storage; members are only ever appended, never renamed.
/// </summary>
public sealed class DeviceState
{
    private string? _lastExplanation;
    private bool _explainedByScore;

    public string? AssetType { get; set; }

    public string? Site { get; set; }

    /// <summary>Written from the grain's live seq set on every save; an active grain keeps none here (see <c>ReleaseSavedCopies</c>).</summary>
    public IReadOnlyList<SeqRange> SeenSeqs { get; set; } = [];

    public long SamplesReceived { get; set; }

    public long Duplicates { get; set; }

    public DateTimeOffset? LastSeenAt { get; set; }

    /// <summary>Timestamp of the newest scored sample; older samples arriving late are stored but not scored.</summary>
    public DateTimeOffset? LastScoredAt { get; set; }

    /// <summary>The newest scored sample's readings; in memory aligned with the detector's shared channel names (<see cref="ChannelReadings"/>).</summary>
    [JsonConverter(typeof(ReadingsJsonConverter))]
    public IReadOnlyDictionary<string, double> LatestReadings { get; set; } = ChannelReadings.Empty;

    public double LastScore { get; set; }

    /// <summary>
    /// The newest score's explanation. While no channel deviates it is not kept as text: it is then the score's own
    /// (<see cref="AnomalyScore.Explain"/> without contributions), made again from <see cref="LastScore"/> when read.
    /// </summary>
    public string? LastExplanation
    {
        get => _explainedByScore ? new AnomalyScore(LastScore, false, []).Explain() : _lastExplanation;
        set
        {
            _lastExplanation = value;
            _explainedByScore = false;
        }
    }

    /// <summary>Whether <see cref="LastExplanation"/> is held as text (false while it is made from the score).</summary>
    internal bool KeepsExplanationText => _lastExplanation is not null;

    /// <summary>The newest score has no deviating channel: its explanation is the score's alone.</summary>
    public void ExplainByScoreAlone()
    {
        _lastExplanation = null;
        _explainedByScore = true;
    }

    /// <summary>
    /// Swaps what was just read from storage for shared equivalents: the readings onto the detector's channel names,
    /// the untouched episode state onto the one initial instance, no pending work orders onto the empty array, asset
    /// type and site onto the runtime's interned strings (a few per registry), and an explanation that is the score's
    /// alone for nothing. The device grain calls it on activation; the memory probe mirrors the grain with it.
    /// </summary>
    public void ShareLoadedValues(IReadOnlyList<string> channels)
    {
        LatestReadings = ChannelReadings.Align(channels, LatestReadings);
        if (Episode == EpisodeState.Initial)
        {
            Episode = EpisodeState.Initial;
        }

        if (PendingWorkOrderKeys.Count == 0)
        {
            PendingWorkOrderKeys = [];
        }

        AssetType = AssetType is { } assetType ? string.Intern(assetType) : null;
        Site = Site is { } site ? string.Intern(site) : null;
        if (LastExplanation is { } explanation && explanation == new AnomalyScore(LastScore, false, []).Explain())
        {
            ExplainByScoreAlone();
        }
    }

    /// <summary>The detector's own exported state (its rolling baselines).</summary>
    public string? DetectorState { get; set; }

    public EpisodeState Episode { get; set; } = new(0, false, null, 0, 0, 0, null);

    /// <summary>Idempotency keys of episodes whose work order is not confirmed yet, oldest first.</summary>
    public IReadOnlyList<string> PendingWorkOrderKeys { get; set; } = [];

    public string? OpenWorkOrderNumber { get; set; }

    /// <summary>The model version (<c>pump-v3</c>) the detector and RUL forecasts run; null when none was active.</summary>
    public string? ModelVersion { get; set; }

    /// <summary>Recent RUL cycles (telemetry averaged per cycle) while the active version has a RUL model.</summary>
    public RulCycleWindow? RulCycles { get; set; }
}
