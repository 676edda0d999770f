using System.ComponentModel.DataAnnotations;

namespace WorkOrders.Prediction.Anomaly;

/// <summary>Settings of the streaming detector and of the episode tracker; bound from the "Anomaly" section.</summary>
public sealed record AnomalyDetectorOptions : IValidatableObject
{
    public const string SectionName = "Anomaly";

    /// <summary>Samples a new device only learns from before its scores count.</summary>
    [Range(2, 1_000_000)]
    public int WarmupSamples { get; init; } = 50;

    /// <summary>Score at or above which a sample counts as evidence for opening an episode.</summary>
    [Range(0.0, 1.0)]
    public double OpenThreshold { get; init; } = 0.9;

    /// <summary>Score below which a sample counts towards closing an open episode.</summary>
    [Range(0.0, 1.0)]
    public double CloseThreshold { get; init; } = 0.6;

    /// <summary>Samples at or above <see cref="OpenThreshold"/> needed within <see cref="OpenWindow"/> samples.</summary>
    [Range(1, 10_000)]
    public int OpenAfter { get; init; } = 5;

    /// <summary>Length of the evidence window (the M of "N of M"), counted from the first sample above the open threshold.</summary>
    [Range(1, 100_000)]
    public int OpenWindow { get; init; } = 10;

    /// <summary>Consecutive samples below <see cref="CloseThreshold"/> that close an open episode.</summary>
    [Range(1, 100_000)]
    public int CloseAfter { get; init; } = 20;

    /// <summary>Memory of the per-channel level baseline, in samples (EWMA time constant).</summary>
    [Range(2.0, 1e7)]
    public double LevelMemorySamples { get; init; } = 15;

    /// <summary>Memory of the per-channel trend (slope) baseline, in samples.</summary>
    [Range(2.0, 1e7)]
    public double TrendMemorySamples { get; init; } = 30;

    /// <summary>Memory of the fast residual average that reveals sustained shifts and new trends, in samples.</summary>
    [Range(2.0, 1e6)]
    public double DriftMemorySamples { get; init; } = 5;

    /// <summary>Memory of the level's slope estimate that reveals a new trend, in samples.</summary>
    [Range(2.0, 1e7)]
    public double SlopeMemorySamples { get; init; } = 30;

    /// <summary>Memory of the spread (robust sigma) estimates, in samples.</summary>
    [Range(2.0, 1e7)]
    public double ScaleMemorySamples { get; init; } = 200;

    /// <summary>Factor applied to every learning rate while the detector's own score is at or above the close threshold.</summary>
    [Range(0.0, 1.0)]
    public double AnomalousLearningFactor { get; init; } = 0.25;

    /// <summary>
    /// After this many consecutive samples deviating the same way by more than 2 σ, a channel's level follows the
    /// new value at its normal rate (a shift nobody announced becomes the new normal); 0 keeps it frozen.
    /// </summary>
    [Range(0, 1_000_000)]
    public int AcceptShiftAfter { get; init; } = 60;

    /// <summary>A gap longer than this many typical sampling intervals restarts the short-term (difference and slope) terms.</summary>
    [Range(1.0, 1e6)]
    public double GapFactor { get; init; } = 5;

    /// <summary>Rank of the per-device cross-channel subspace (used only with two or more channels).</summary>
    [Range(1, 8)]
    public int CrossChannelRank { get; init; } = 2;

    /// <summary>
    /// Memory, in hours of telemetry time, of each channel's long reference level: the slow-drift term compares the
    /// channel's level with it, in the spread the level shows around it over that memory (a day covers the daily load
    /// and temperature cycle), so a fault that grows too slowly for the level and slope terms still alarms. It counts
    /// once a channel has been followed for this long (again after a re-baseline); 0 turns it off (detector version 1).
    /// </summary>
    [Range(0.0, 100_000.0)]
    public double ReferenceMemoryHours { get; init; } = 24;

    /// <summary>
    /// Operating regimes: once a channel has jumped three separate times to the same other level (a compressor's
    /// load/unload, a machine's on/off), a jump there is a regime switch, not an anomaly: the channel swaps to that
    /// level and its own noise instead of scoring the jump. False turns regimes off (detector version 1).
    /// </summary>
    public bool OperatingRegimes { get; init; } = true;

    /// <summary>
    /// Experimental detector version 3 (off by default): a jump to another level counts as a regime departure when it
    /// is large against the channel's typical one-step change, not only against its residual spread, so a compressor
    /// that cycles from its first sample (whose level sits between the regimes and whose residual spread has learned
    /// the cycle as noise) still learns its regimes; and a follower switches by itself when the leader's reading is
    /// missing. Not the default yet: on quantised slow channels (pressure, rpm) one quantum is already a "jump", and
    /// its state adds a field per channel (docs/benchmarks.md, detection quality).
    /// </summary>
    public bool RegimesFromJumps { get; init; }

    /// <summary>
    /// Detector version 4: a channel's new-trend term is scored beyond the device's common movement (the median of its
    /// channels' slope deviations), so a load change that slopes every channel the same way (the shift's end: current,
    /// flow and, with its thermal lag, temperature) is not an anomaly even the first time; false = version 2 or 3.
    /// </summary>
    public bool CommonMovement { get; init; } = true;

    /// <summary>
    /// Detector version 4: the one-step term counts at most this many sigmas beyond the reading's level residual, so a
    /// jump that lands within the channel's normal range is not a spike (a compressor that cycles between load and
    /// unload while its level still averages both: its steps know only the noise within a regime). 0 = no cap (version 2).
    /// </summary>
    [Range(0.0, 1_000.0)]
    public double StepBeyondLevelSigmas { get; init; } = 3;

    /// <summary>
    /// Detector version 5: a channel with a known other operating regime (a compressor's load/unload, and every channel
    /// that follows it) keeps one slow-drift reference per regime and swaps it with the level, so a loaded spell is
    /// compared with past loaded spells, not with a day-long average of mostly idle time; false = one reference per
    /// channel (versions 2–4).
    /// </summary>
    public bool ReferencePerRegime { get; init; } = true;

    /// <summary>
    /// Detector version 7 (always on in version 3): when the leading channel's reading is missing (a dropout), a
    /// calibrated follower that clearly landed in its other regime (beyond the departure distance, within a quarter of
    /// the gap of its other level) switches by itself instead of scoring the switch. Off in version 5 and 6: on the
    /// quality benchmark's seed 1 it removed 8 of version 5's 66 false alarms but lost a stuck temperature sensor that
    /// had been "caught" by such a wrongly scored follower; with version 7's load-conditioned temperature that sensor is
    /// caught on its own, and seed 1's compressor false alarms fall 17 → 9; false = versions 4–6.
    /// </summary>
    public bool FollowWithoutLeader { get; init; } = true;

    /// <summary>
    /// Detector version 6: a re-baseline (after maintenance) forgets a channel's level in <i>both</i> operating regimes.
    /// A follower keeps only the gap between its two levels and re-calibrates (its first six switches unscored, learning
    /// fast); a leader whose first reading lands in its other regime starts there. Before, a follower's level in the
    /// other regime survived the re-baseline: after a repaired overheating (a compressor 20 °C cooler) every switch
    /// into that regime landed on the pre-repair temperature and alarmed for hours; false = versions 2–5.
    /// </summary>
    public bool RebaselineRegimeLevels { get; init; } = true;

    /// <summary>
    /// Detector version 6: a calibrated follower's two regime levels move together. Whatever its level learns in one
    /// regime (a temperature cooling through the night) moves its level in the other regime too, and the gap between
    /// them is learned from how far the reading jumps when the leader switches (a current: 41 A; a temperature: about
    /// nothing, it cannot jump). Before, each regime's level learned only during its own spells, so a temperature
    /// visited loaded for 6 samples in 34 was left degrees behind and every loaded spell alarmed; false = versions 2–5.
    /// </summary>
    public bool FollowerLevelsMoveTogether { get; init; } = true;

    /// <summary>
    /// Experimental (0, off, by default): the cross-channel term measures a sample's energy off the device's normal
    /// subspace against at least this share of its degrees of freedom (every channel's residual is in its own sigmas,
    /// so a normal sample has about one per degree of freedom). Without it the learned energy of a fan at night, its
    /// quantised channels sitting still, can collapse towards zero, and an ordinary sample then scores 10⁵–10⁶ σ.
    /// At 0.25 on the quality benchmark's seed 2 it did not remove those alarms but split them: fans' false alarms
    /// 37 → 73 (docs/prediction.md, "Version 7").
    /// </summary>
    [Range(0.0, 1.0)]
    public double CrossChannelEnergyFloor { get; init; }

    /// <summary>
    /// Detector version 7: a device with a temperature channel (<see cref="TemperatureChannel"/>) and a load channel
    /// (<see cref="LoadChannel"/>) learns the temperature its recent load explains (a streaming least-squares relation
    /// of the temperature to the load averaged over <see cref="LoadLagMinutes"/>, over
    /// <see cref="LoadRelationMemoryHours"/>) and scores the temperature the load does not explain, in its normal
    /// spread: a blocked cooler (overheating: the same load, a hotter machine) shows there, a rise the load explains does
    /// not; false = versions 1–6.
    /// </summary>
    public bool LoadConditionedTemperature { get; init; } = true;

    /// <summary>Version 7: the channel whose reading is the machine's temperature (for <see cref="LoadConditionedTemperature"/>).</summary>
    [Required(AllowEmptyStrings = false)]
    public string TemperatureChannel { get; init; } = "temperature_c";

    /// <summary>Version 7: the channel whose reading measures the machine's load (its motor current, for <see cref="LoadConditionedTemperature"/>).</summary>
    [Required(AllowEmptyStrings = false)]
    public string LoadChannel { get; init; } = "current_a";

    /// <summary>Version 7: the thermal lag, in minutes: the load is averaged over it (exponentially, in time) before the temperature is related to it.</summary>
    [Range(0.1, 1440.0)]
    public double LoadLagMinutes { get; init; } = 20;

    /// <summary>
    /// Version 7: memory, in hours of telemetry time, of the temperature's relation to the load and of the spread of
    /// what it leaves unexplained; the term counts once the device has reported for this long (again after a re-baseline).
    /// </summary>
    [Range(0.1, 100_000.0)]
    public double LoadRelationMemoryHours { get; init; } = 24;

    /// <summary>
    /// Experimental detector version 8 (0, off, by default; 0.5 in the quality benchmark's v8 row): a channel also keeps its recent noise (a residual spread with a quarter of the spreads'
    /// memory); once that noise falls below this share of its residual spread (a fan held at its drive's minimum speed
    /// all night: its reading is its sensor's noise alone) the channel is in a quiet spell until the noise is back at the
    /// residual spread, and meanwhile the spreads that judge the level's movement keep what the free movement taught
    /// them, so the demand lifting it off the limit is no anomaly; the quiet-sensor term then measures the roughness in
    /// the recent noise (a stuck sensor is still too quiet). Channels with operating regimes are left as before.
    /// At 0.5 on the quality benchmark it cut false alarms on six seeds of eight, but caught one fault fewer than
    /// version 2 on two (docs/prediction.md, "Version 8"). 0 = versions 1–7.
    /// </summary>
    [Range(0.0, 0.9)]
    public double QuietSpellNoiseShare { get; init; }

    /// <summary>
    /// Detector version 9 (the default): the load-conditioned temperature
    /// (<see cref="LoadConditionedTemperature"/>; without it this has no effect) also explains the time of day. The ambient air is
    /// not measured but swings through the day, so the temperature is regressed on the lagged load and cos/sin of the
    /// hour together (least squares with forgetting over <see cref="LoadRelationMemoryHours"/>), and the residual's
    /// spread no longer carries the ambient's daily cycle: a cooler that clogs at night, a few degrees of extra rise,
    /// stands out. The hour is the sample's own UTC timestamp's (a site's local time is not known; the fit finds any
    /// phase); the residual's spread remembers three relation memories. False = version 7 (docs/prediction.md, "Version 9").
    /// </summary>
    public bool AmbientDailyCycle { get; init; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (CloseThreshold > OpenThreshold)
        {
            yield return new ValidationResult(
                $"{SectionName}:{nameof(CloseThreshold)} ({CloseThreshold}) must not exceed {SectionName}:{nameof(OpenThreshold)} ({OpenThreshold}).",
                [nameof(CloseThreshold), nameof(OpenThreshold)]);
        }

        if (OpenAfter > OpenWindow)
        {
            yield return new ValidationResult(
                $"{SectionName}:{nameof(OpenAfter)} ({OpenAfter}) must not exceed {SectionName}:{nameof(OpenWindow)} ({OpenWindow}).",
                [nameof(OpenAfter), nameof(OpenWindow)]);
        }
    }
}
