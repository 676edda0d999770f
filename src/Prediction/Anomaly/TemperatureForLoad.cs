namespace WorkOrders.Prediction.Anomaly;

/// <summary>
/// Detector version 7 (<see cref="AnomalyDetectorOptions.LoadConditionedTemperature"/>): the temperature a machine
/// should have at its recent load. A machine heats towards ambient + a rise that grows with the power it draws, with
/// a thermal lag of tens of minutes, so the temperature is regressed on the load channel's reading averaged over that
/// lag (<see cref="LaggedLoad"/>, an exponential average in time): exponentially weighted means, variance and
/// covariance over <see cref="AnomalyDetectorOptions.LoadRelationMemoryHours"/>, i.e. least squares with forgetting.
/// The residual — the temperature the load does not explain — is scored in the spread it normally shows (the mean
/// absolute residual over the same memory: ambient and weather). Its mean over the memory is zero by construction,
/// so the regression's intercept is the residual's slow reference. A blocked cooler (the same load, 30 % more rise)
/// shows here long before the temperature leaves its daily swing; a rise explained by more load does not.
/// Learning slows tenfold while the residual is beyond <see cref="DetectorRates.FreezeSigmas"/> and to the
/// anomalous rate while the device scores high, so a growing fault does not teach the relation that it is normal.
/// One per device with both channels (a class: devices without them carry nothing); 40 bytes of state and a reference
/// to the version 9 <see cref="DailyCycle"/> (null unless <see cref="AnomalyDetectorOptions.AmbientDailyCycle"/>), 64 with its object header.
/// </summary>
internal sealed class TemperatureForLoad
{
    /// <summary>The load channel's reading averaged over the thermal lag.</summary>
    public float LaggedLoad { get; set; }

    /// <summary>The temperature averaged over a few samples (its update Huber-clipped), what the relation is fitted to.</summary>
    public float Temperature { get; set; }

    public float LoadMean { get; set; }

    public float TemperatureMean { get; set; }

    public float LoadVariance { get; set; }

    public float Covariance { get; set; }

    /// <summary>Mean absolute residual over the memory (a MAD-like spread).</summary>
    public float ResidualSpread { get; set; }

    /// <summary>Seconds of telemetry the relation has followed since it started (or was forgotten); the term counts after a whole memory.</summary>
    public float FollowedSeconds { get; set; }

    public long LastTicks { get; set; }

    /// <summary>Version 9: the time of day as two more regressors (the ambient's daily cycle); null = version 7.</summary>
    public TemperatureDailyCycle? DailyCycle { get; set; }

    public bool Started => LastTicks != 0;

    /// <summary>Slope of the temperature on the lagged load (°C per unit of load), 0 while the load has not varied.</summary>
    public double Slope => LoadVariance > 1e-9 ? Covariance / LoadVariance : 0;

    /// <summary>The temperature the lagged load (after this reading) explains, and with version 9 the time of day too.</summary>
    public double Expected(double laggedLoad, long utcTicks) =>
        DailyCycle is { } daily ? daily.Expected(this, laggedLoad, utcTicks) : TemperatureMean + (Slope * (laggedLoad - LoadMean));

    public double Sigma(double floor) => Math.Max(DetectorRates.SigmaPerMeanAbsoluteDeviation * ResidualSpread, floor);

    /// <summary>
    /// What this reading says before it is learned: the lagged load and fast temperature it would lead to, the
    /// expected temperature there and the residual in its sigmas (0 until the relation has followed a whole memory).
    /// </summary>
    public TemperatureForLoadTerm Evaluate(double temperature, double load, long ticks, double sigmaFloor, in DetectorRates rates)
    {
        if (!Started)
        {
            return new TemperatureForLoadTerm(temperature, load, temperature, 0, 0);
        }

        var seconds = Seconds(ticks);
        var lagged = LaggedLoad + (Math.Min(1, seconds / rates.LoadLagSeconds) * (load - LaggedLoad));
        var sigma = Sigma(sigmaFloor);
        var clip = FollowedSeconds > 0 && ResidualSpread > 0 ? rates.Clip * sigma : double.PositiveInfinity;
        var fast = Temperature + (rates.Drift * Math.Clamp(temperature - Temperature, -clip, clip));
        var expected = Expected(lagged, ticks);
        var z = FollowedSeconds >= rates.LoadRelationSeconds ? (fast - expected) / sigma : 0;
        return new TemperatureForLoadTerm(fast, lagged, expected, z, seconds);
    }

    public void Learn(double temperature, double load, long ticks, in TemperatureForLoadTerm term, double factor, double sigmaFloor, in DetectorRates rates)
    {
        if (!Started)
        {
            LaggedLoad = (float)load;
            Temperature = (float)temperature;
            LoadMean = (float)load;
            TemperatureMean = (float)temperature;
            LastTicks = ticks;
            return;
        }

        LaggedLoad = (float)term.LaggedLoad;
        Temperature = (float)term.Temperature;
        var residual = term.Temperature - term.Expected;
        var known = FollowedSeconds > 0 && ResidualSpread > 0;
        // A running mean in time until the memory is full, then an exponential one; a long gap counts as 1/24 of it.
        var seconds = Math.Min(term.Seconds, rates.LoadRelationSeconds / 24);
        var slowed = factor * (Math.Abs(term.Z) > rates.FreezeSigmas ? 0.1 : 1.0);
        var rate = seconds <= 0 ? 0 : (seconds / Math.Min(rates.LoadRelationSeconds, FollowedSeconds + seconds)) * slowed;
        // Version 9: the spread's memory is longer than the relation's (a fault growing over a day must not widen it as fast).
        var spreadMemory = rates.LoadRelationSeconds * (DailyCycle is null ? 1 : DetectorRates.DailyCycleSpreadMemoryFactor);
        var spreadRate = seconds <= 0 ? 0 : (seconds / Math.Min(spreadMemory, FollowedSeconds + seconds)) * slowed;
        var spreadClip = known ? rates.Clip * Sigma(sigmaFloor) : double.PositiveInfinity;
        ResidualSpread = (float)(ResidualSpread + (spreadRate * (Math.Min(Math.Abs(residual), spreadClip) - ResidualSpread)));

        var dLoad = term.LaggedLoad - LoadMean;
        var dTemperature = term.Temperature - TemperatureMean;
        DailyCycle?.Learn(rate, dLoad, dTemperature, ticks);
        LoadMean = (float)(LoadMean + (rate * dLoad));
        TemperatureMean = (float)(TemperatureMean + (rate * dTemperature));
        // Exponentially weighted (co)variance: West's update, with the deviations from the means before this sample.
        LoadVariance = (float)((1 - rate) * (LoadVariance + (rate * dLoad * dLoad)));
        Covariance = (float)((1 - rate) * (Covariance + (rate * dLoad * dTemperature)));
        FollowedSeconds = (float)Math.Min(FollowedSeconds + seconds, 2 * Math.Max(rates.LoadRelationSeconds, spreadMemory));
        LastTicks = Math.Max(LastTicks, ticks);
    }

    /// <summary>After maintenance: the machine may run cooler for the same load now (a cleaned cooler); learn afresh.</summary>
    public void Forget()
    {
        LastTicks = 0;
        FollowedSeconds = 0;
        ResidualSpread = 0;
        LoadVariance = 0;
        Covariance = 0;
        DailyCycle?.Forget();
    }

    private double Seconds(long ticks) => ticks > LastTicks ? (ticks - LastTicks) / (double)TimeSpan.TicksPerSecond : 0;
}

/// <summary>
/// One reading's load-conditioned temperature term: the fast temperature and lagged load it leads to, the temperature
/// that load explains, the residual in its sigmas, and the seconds since the previous reading.
/// </summary>
internal readonly record struct TemperatureForLoadTerm(double Temperature, double LaggedLoad, double Expected, double Z, double Seconds);
