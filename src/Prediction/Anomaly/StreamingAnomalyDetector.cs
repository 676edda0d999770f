using System.Text.Json;

namespace WorkOrders.Prediction.Anomaly;

/// <summary>
/// The per-device detector: per channel a robust Holt baseline (residual and one-step-change terms), across channels
/// the distance from the device's normal subspace; the largest term, corrected for how many were looked at, goes
/// through the fixed <see cref="ScoreCalibration"/>. Strictly causal: a sample is scored before it is learned.
/// </summary>
internal sealed class StreamingAnomalyDetector : IAnomalyDetector
{
    private const int MaxContributions = 5;
    private const double ContributionSigmas = 3.0;

    private readonly DetectorSharing shared;
    private readonly AssetTypeBaseline? baseline;
    private readonly string assetType;
    private string[] names = [];
    private ChannelBaseline[] channels = [];
    private CrossChannelSubspace? subspace;
    private long samples;
    private long scoreFrom;
    private long lastTicks;
    private double typicalTicks;
    private int leader = -1;
    private TemperatureForLoad? temperatureForLoad;
    private int temperatureIndex = -1;
    private int loadIndex = -1;

    public StreamingAnomalyDetector(string assetType, AnomalyDetectorOptions options, AssetTypeBaseline? baseline, DetectorSharing? shared = null)
    {
        this.shared = shared is not null && ReferenceEquals(shared.Options, options) ? shared : new DetectorSharing(options);
        this.assetType = this.shared.ChannelNames.Share(assetType);
        this.baseline = baseline;
        scoreFrom = options.WarmupSamples;
        if (baseline is not null)
        {
            SeedFrom(baseline);
        }
    }

    internal StreamingAnomalyDetector(AnomalyDetectorOptions options, AssetTypeBaseline? baseline, DetectorStateDocument state, DetectorSharing? shared = null)
        : this(state.AssetType, options, null, shared)
    {
        this.baseline = baseline;
        samples = state.Samples;
        scoreFrom = state.ScoreFrom;
        lastTicks = state.LastTicks;
        typicalTicks = state.TypicalTicks;
        leader = state.Leader;
        names = this.shared.ChannelNames.Share([.. state.Channels]);
        channels = [.. state.ChannelStates.Select(ToChannel)];
        subspace = state.Subspace is { } s
            ? new CrossChannelSubspace(names.Length, s.Rank, [.. s.Components], s.ResidualEnergy, s.Count)
            : null;
        FindTemperatureAndLoad();
        if (temperatureForLoad is not null && state.TemperatureForLoad is { } t)
        {
            temperatureForLoad = t.ToRelation();
            temperatureForLoad.DailyCycle = rates.AmbientDailyCycle ? t.DailyCycle?.ToCycle() ?? new() : null;
        }
    }

    public IReadOnlyList<string> Channels => names;

    private ref readonly DetectorRates rates => ref shared.Rates;

    private AnomalyDetectorOptions options => shared.Options;

    public AnomalyScore Score(DateTimeOffset timestamp, IReadOnlyDictionary<string, double> readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        RegisterChannels(readings);
        var k = names.Length;
        Span<double> values = k <= 64 ? stackalloc double[k] : new double[k];
        Span<ChannelTerms> terms = k <= 64 ? stackalloc ChannelTerms[k] : new ChannelTerms[k];
        var ticks = timestamp.UtcTicks;
        var valid = 0;
        var complete = k > 1;
        bool? leaderHigh = null;
        if (leader >= 0 && readings.TryGetValue(names[leader], out var lead) && double.IsFinite(lead))
        {
            // The device's operating regime comes from its leading channel; the others follow it into the same regime
            // (their level and noise there) before they are scored.
            var leaderTerms = channels[leader].Evaluate(lead, ticks, typicalTicks, rates);
            leaderHigh = channels[leader].HighAfter(leaderTerms);
        }

        for (var i = 0; i < k; i++)
        {
            values[i] = readings.TryGetValue(names[i], out var v) && double.IsFinite(v) ? v : double.NaN;
            if (double.IsNaN(values[i]))
            {
                complete = false;
                continue;
            }

            valid++;
            if (leaderHigh is { } high && channels[i].Follower && channels[i].LevelIsHigh != high)
            {
                channels[i].FollowRegime(values[i], rates);
            }
            else if (leaderHigh is null && leader >= 0 && rates.FollowWithoutLeader && channels[i].LandedInOtherRegime(values[i]))
            {
                // The leader's reading is missing (a dropout): a calibrated follower that clearly landed in its other
                // regime switches by itself rather than scoring the switch.
                channels[i].FollowRegime(values[i], rates);
            }

            terms[i] = channels[i].Evaluate(values[i], ticks, typicalTicks, rates);
            complete &= terms[i].HasHistory && channels[i].ScaleCount > 10;
        }

        if (valid == 0)
        {
            return samples < scoreFrom ? AnomalyScore.Learning : new AnomalyScore(0, false, []);
        }

        if (rates.CommonMovement)
        {
            CommonMovement.RemoveCommonTrend(terms, values);
        }

        Span<double> levelZ = k <= 64 ? stackalloc double[k] : new double[k];
        Span<double> crossResidual = k <= 64 ? stackalloc double[k] : new double[k];
        var maxZ = 0.0;
        var termCount = 0;
        for (var i = 0; i < k; i++)
        {
            levelZ[i] = double.IsNaN(values[i]) || !terms[i].HasHistory ? 0 : terms[i].LevelZ;
            if (double.IsNaN(values[i]) || !terms[i].HasHistory)
            {
                continue;
            }

            termCount++;
            maxZ = Math.Max(maxZ, Math.Abs(terms[i].LevelZ));
            if (!double.IsNaN(terms[i].StepZ))
            {
                termCount++;
                maxZ = Math.Max(maxZ, Math.Abs(terms[i].StepZ));
            }

            termCount += rates.ReferenceTicks > 0 ? 4 : 3;
            maxZ = Math.Max(maxZ, Math.Max(Math.Max(Math.Abs(terms[i].DriftZ), Math.Abs(terms[i].TrendZ)), Math.Max(Math.Abs(terms[i].NoiseZ), Math.Abs(terms[i].ReferenceZ))));
        }

        var heat = default(TemperatureForLoadTerm);
        var heatSigmaFloor = 0.0;
        var scoresHeat = temperatureForLoad is not null && !double.IsNaN(values[temperatureIndex]) && !double.IsNaN(values[loadIndex]);
        if (scoresHeat)
        {
            heatSigmaFloor = channels[temperatureIndex].ResidualSigma;
            heat = temperatureForLoad!.Evaluate(values[temperatureIndex], values[loadIndex], ticks, heatSigmaFloor, rates);
            termCount++;
            maxZ = Math.Max(maxZ, Math.Abs(heat.Z));
        }

        var useSubspace = complete && subspace is not null;
        if (useSubspace)
        {
            termCount++;
            maxZ = Math.Max(maxZ, subspace!.Evaluate(levelZ, crossResidual, options.CrossChannelEnergyFloor));
        }

        var warming = samples < scoreFrom;
        var score = warming ? 0 : ScoreCalibration.FromSigmas(ScoreCalibration.CorrectForMultipleTerms(maxZ, termCount));
        var result = warming
            ? AnomalyScore.Learning
            : new AnomalyScore(score, false, Explain(values, terms, useSubspace ? crossResidual : default, scoresHeat ? heat : null, score));

        var factor = !warming && score >= options.CloseThreshold ? options.AnomalousLearningFactor : 1.0;
        for (var i = 0; i < k; i++)
        {
            if (!double.IsNaN(values[i]))
            {
                channels[i].Learn(values[i], ticks, terms[i], factor, rates);
            }
        }

        if (scoresHeat)
        {
            temperatureForLoad!.Learn(values[temperatureIndex], values[loadIndex], ticks, heat, factor, heatSigmaFloor, rates);
        }

        if (useSubspace && factor >= 1.0)
        {
            subspace!.Learn(levelZ, crossResidual, rates.Subspace);
        }

        ElectLeader();
        LearnInterval(ticks);
        samples++;
        return result;
    }

    /// <summary>
    /// The first channel with a known, clearly separated other regime (a compressor's flow: 0 or 420 m³/h) leads;
    /// every other channel then keeps a level per regime.
    /// </summary>
    private void ElectLeader()
    {
        if (leader >= 0 || !rates.Regimes)
        {
            return;
        }

        leader = Array.FindIndex(channels, c => c.ClearlyBimodal);
        if (leader < 0)
        {
            return;
        }

        var high = channels[leader].Level > channels[leader].Alternate;
        for (var i = 0; i < channels.Length; i++)
        {
            if (i != leader)
            {
                channels[i].BecomeFollower(high, rates);
            }
        }
    }

    public void Rebaseline()
    {
        foreach (ref var channel in channels.AsSpan())
        {
            channel.ForgetLevel();
        }

        temperatureForLoad?.Forget();

        scoreFrom = samples + Math.Max(3, options.WarmupSamples / 4);
    }

    public string ExportState()
    {
        var document = new DetectorStateDocument(
            DetectorStateDocument.CurrentVersion,
            assetType,
            samples,
            scoreFrom,
            lastTicks,
            typicalTicks,
            names,
            [.. channels.Select(ToDocument)],
            subspace is null ? null : new SubspaceStateDocument(subspace.Rank, subspace.Components, subspace.ResidualEnergy, subspace.Count),
            leader,
            temperatureForLoad is { Started: true } t ? TemperatureForLoadDocument.From(t) : null);
        return JsonSerializer.Serialize(document, DetectorStateJsonContext.Default.DetectorStateDocument);
    }

    private IReadOnlyList<ChannelContribution> Explain(
        ReadOnlySpan<double> values, ReadOnlySpan<ChannelTerms> terms, ReadOnlySpan<double> crossResidual, TemperatureForLoadTerm? heat, double score)
    {
        List<ChannelContribution>? list = null;
        var crossSigma = crossResidual.IsEmpty ? 1.0 : subspace!.ResidualSigma(options.CrossChannelEnergyFloor);
        var strongest = -1;
        var strongestDeviation = 0.0;
        var strongestExpected = 0.0;
        for (var i = 0; i < names.Length; i++)
        {
            if (double.IsNaN(values[i]) || !terms[i].HasHistory)
            {
                continue;
            }

            var deviation = terms[i].LevelZ;
            var expected = terms[i].Expected;
            if (!double.IsNaN(terms[i].StepZ) && Math.Abs(terms[i].StepZ) > Math.Abs(deviation))
            {
                deviation = terms[i].StepZ;
            }

            if (Math.Abs(terms[i].DriftZ) > Math.Abs(deviation))
            {
                deviation = terms[i].DriftZ;
            }

            if (Math.Abs(terms[i].TrendZ) > Math.Abs(deviation))
            {
                deviation = terms[i].TrendZ;
            }

            if (Math.Abs(terms[i].NoiseZ) > Math.Abs(deviation))
            {
                deviation = terms[i].NoiseZ;
            }

            if (!crossResidual.IsEmpty && Math.Abs(crossResidual[i] / crossSigma) > Math.Abs(deviation))
            {
                deviation = crossResidual[i] / crossSigma;
            }

            if (Math.Abs(terms[i].ReferenceZ) > Math.Abs(deviation))
            {
                deviation = terms[i].ReferenceZ;
                expected = terms[i].Reference;
            }

            if (i == temperatureIndex && heat is { } h && Math.Abs(h.Z) > Math.Abs(deviation))
            {
                // The temperature against what the load explains (version 7): the expected value is the one for this load.
                deviation = h.Z;
                expected = h.Expected;
            }

            if (Math.Abs(deviation) > Math.Abs(strongestDeviation))
            {
                strongest = i;
                strongestDeviation = deviation;
                strongestExpected = expected;
            }

            if (Math.Abs(deviation) >= ContributionSigmas)
            {
                (list ??= []).Add(new ChannelContribution(names[i], values[i], expected, deviation));
            }
        }

        if (list is null)
        {
            return score >= options.CloseThreshold && strongest >= 0
                ? [new ChannelContribution(names[strongest], values[strongest], strongestExpected, strongestDeviation)]
                : [];
        }

        list.Sort(static (a, b) => Math.Abs(b.Deviation).CompareTo(Math.Abs(a.Deviation)));
        if (list.Count > MaxContributions)
        {
            list.RemoveRange(MaxContributions, list.Count - MaxContributions);
        }

        return list;
    }

    private void RegisterChannels(IReadOnlyDictionary<string, double> readings)
    {
        var added = false;
        foreach (var (name, value) in readings)
        {
            if (double.IsFinite(value) && Array.IndexOf(names, name) < 0)
            {
                names = [.. names, name];
                var channel = new ChannelBaseline();
                if (leader >= 0)
                {
                    channel.BecomeFollower(channels[leader].Level > channels[leader].Alternate, rates);
                }

                channels = [.. channels, channel];
                added = true;
            }
        }

        if (added)
        {
            names = shared.ChannelNames.Share(names);
            subspace = names.Length < 2 ? null : NewSubspace();
            FindTemperatureAndLoad();
        }
    }

    /// <summary>Version 7: the device's temperature and load channels, when it has both, get a load-conditioned temperature term.</summary>
    private void FindTemperatureAndLoad()
    {
        if (!rates.LoadConditionedTemperature || temperatureForLoad is not null)
        {
            return;
        }

        temperatureIndex = Array.IndexOf(names, options.TemperatureChannel);
        loadIndex = Array.IndexOf(names, options.LoadChannel);
        if (temperatureIndex >= 0 && loadIndex >= 0 && temperatureIndex != loadIndex)
        {
            temperatureForLoad = new TemperatureForLoad { DailyCycle = rates.AmbientDailyCycle ? new() : null };
        }
    }

    private CrossChannelSubspace NewSubspace()
    {
        var rank = Math.Min(options.CrossChannelRank, names.Length - 1);
        if (baseline is { } b && b.Channels.Count == names.Length && b.Rank == rank && b.Channels.SequenceEqual(names))
        {
            return new CrossChannelSubspace(names.Length, rank, [.. b.Components], b.ResidualEnergy, 0);
        }

        return new CrossChannelSubspace(names.Length, rank, null, 0, 0);
    }

    private void SeedFrom(AssetTypeBaseline b)
    {
        names = [.. b.Channels];
        channels = new ChannelBaseline[names.Length];
        var prior = Math.Max(2, options.WarmupSamples / 2);
        for (var i = 0; i < names.Length; i++)
        {
            channels[i] = new ChannelBaseline();
            channels[i].SeedNoise(b.Sigmas[i] / DetectorRates.SigmaPerMeanAbsoluteDeviation, prior, rates);
        }

        subspace = names.Length < 2 ? null : NewSubspace();
        scoreFrom = prior;
    }

    private void LearnInterval(long ticks)
    {
        if (lastTicks != 0 && ticks > lastTicks)
        {
            var dt = (double)(ticks - lastTicks);
            typicalTicks = typicalTicks <= 0 ? dt : typicalTicks + 0.05 * (Math.Min(dt, 10 * typicalTicks) - typicalTicks);
        }

        lastTicks = Math.Max(lastTicks, ticks);
    }

    private static ChannelStateDocument ToDocument(ChannelBaseline c) => new(
        c.Level, c.Trend, c.ResidualSpread, c.StepSpread, c.Previous, c.LastTicks, c.LevelCount, c.ScaleCount, c.Run, c.Drift, c.DriftSpread, c.Slope, c.SlopeSpread, c.Roughness, c.RoughnessSpread, c.Reference, c.ReferenceSpread, c.Alternate, c.AlternateSpread, c.AlternateCount, c.Departed, c.Follower, c.LevelIsHigh, c.TypicalStep, c.AlternateReference, c.AlternateReferenceSpread, c.NoiseSpread, c.QuietSpell);

    private static ChannelBaseline ToChannel(ChannelStateDocument d) => new()
    {
        Level = d.Level,
        Trend = d.Trend,
        ResidualSpread = d.ResidualSpread,
        StepSpread = d.StepSpread,
        Previous = d.Previous,
        LastTicks = d.LastTicks,
        LevelCount = d.LevelCount,
        ScaleCount = d.ScaleCount,
        Run = d.Run,
        Drift = d.Drift,
        DriftSpread = d.DriftSpread,
        Slope = d.Slope,
        SlopeSpread = d.SlopeSpread,
        Roughness = d.Roughness,
        RoughnessSpread = d.RoughnessSpread,
        Reference = d.Reference,
        ReferenceSpread = d.ReferenceSpread,
        Alternate = d.Alternate,
        AlternateSpread = d.AlternateSpread,
        AlternateCount = d.AlternateCount,
        Departed = d.Departed,
        Follower = d.Follower,
        LevelIsHigh = d.LevelIsHigh,
        TypicalStep = d.TypicalStep,
        AlternateReference = d.AlternateReference,
        AlternateReferenceSpread = d.AlternateReferenceSpread,
        NoiseSpread = d.NoiseSpread,
        QuietSpell = d.QuietSpell,
    };
}
