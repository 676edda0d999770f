namespace WorkOrders.Simulators;

/// <summary>Checks a scenario field by field; the first problem throws, naming the field by its JSON path.</summary>
internal static class ScenarioValidator
{
    public static void Validate(Scenario s)
    {
        Require(s.Name is { Length: > 0 }, "name", "must not be empty");
        Require(double.IsFinite(s.SpeedUp) && s.SpeedUp > 0, "speedUp", "must be a positive number of simulated seconds per real second");
        Require(double.IsFinite(s.PublishIntervalSeconds) && s.PublishIntervalSeconds >= 0.001, "publishIntervalSeconds", "must be at least 0.001");
        Require(TimestampModes.All.Contains(s.Timestamps), "timestamps", $"'{s.Timestamps}' is not one of {string.Join(", ", TimestampModes.All)}");
        Require(s.DurationSeconds is null || (double.IsFinite(s.DurationSeconds.Value) && s.DurationSeconds > 0), "durationSeconds", "must be positive when given");
        Require(s.Sites is not null, "sites", "must be a list");
        Require(s.Fleet is { Count: > 0 }, "fleet", "must list at least one group of devices");

        var sites = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < s.Sites!.Count; i++)
        {
            var site = s.Sites[i];
            var at = $"sites[{i}]";
            Require(site is not null, at, "must be an object");
            Require(site!.Name is { Length: > 0 }, $"{at}.name", "must not be empty");
            Require(sites.Add(site.Name), $"{at}.name", $"site '{site.Name}' is listed twice");
            Require(site.Latitude is >= -90 and <= 90, $"{at}.latitude", "must be between -90 and 90");
            Require(site.Longitude is >= -180 and <= 180, $"{at}.longitude", "must be between -180 and 180");
            Require(site.AmbientSwingC is >= 0 and <= 30, $"{at}.ambientSwingC", "must be between 0 and 30");
            Require(site.AmbientMeanC is >= -40 and <= 50, $"{at}.ambientMeanC", "must be between -40 and 50");
        }

        var devices = ValidateFleet(s, sites);
        ValidateFaults(s, devices);
        ValidateMaintenance(s, devices);
        ValidateSensors(s.Sensors);
        ValidateNetwork(s.Network, devices);
        if (s.Credentials is { } c)
        {
            Require(c.Username is { Length: > 0 }, "credentials.username", "must not be empty");
            Require(c.Password is not null, "credentials.password", "must be given");
        }
    }

    private static Dictionary<string, string> ValidateFleet(Scenario s, HashSet<string> sites)
    {
        var devices = new Dictionary<string, string>(StringComparer.Ordinal);
        var total = 0;
        for (var i = 0; i < s.Fleet.Count; i++)
        {
            var group = s.Fleet[i];
            var at = $"fleet[{i}]";
            Require(group is not null, at, "must be an object");
            Require(AssetTypes.All.Contains(group!.AssetType), $"{at}.assetType", $"'{group.AssetType}' is not one of {string.Join(", ", AssetTypes.All)}");
            Require(sites.Contains(group.Site), $"{at}.site", $"'{group.Site}' is not listed under sites");
            Require(group.Count is > 0 and <= 100_000, $"{at}.count", "must be between 1 and 100000");
            total += group.Count;
            Require(total <= 100_000, $"{at}.count", "the fleet may hold at most 100000 devices");
            Require(group.IdPrefix is null || IsTopicSafe(group.IdPrefix), $"{at}.idPrefix", "may hold letters, digits, '-', '_' and '.' only");
            foreach (var id in FleetNaming.DeviceIds(group))
            {
                Require(devices.TryAdd(id, group.AssetType), $"{at}.idPrefix", $"device id '{id}' is produced twice");
            }
        }

        return devices;
    }

    private static void ValidateFaults(Scenario s, Dictionary<string, string> devices)
    {
        Require(s.Faults is not null, "faults", "must be a list");
        for (var i = 0; i < s.Faults!.Count; i++)
        {
            var fault = s.Faults[i];
            var at = $"faults[{i}]";
            Require(fault is not null, at, "must be an object");
            Require(devices.TryGetValue(fault!.Device ?? "", out var assetType), $"{at}.device", $"'{fault.Device}' is not a device of the fleet");
            Require(FaultKinds.All.Contains(fault.Kind), $"{at}.kind", $"'{fault.Kind}' is not one of {string.Join(", ", FaultKinds.All)}");
            Require(fault.Kind != FaultKinds.Cavitation || assetType == AssetTypes.Pump, $"{at}.kind", $"cavitation happens in pumps only, and '{fault.Device}' is a {assetType}");
            Require(double.IsFinite(fault.BeginsAtSeconds), $"{at}.beginsAtSeconds", "must be a number");
            Require(double.IsFinite(fault.TimeToFailureSeconds) && fault.TimeToFailureSeconds >= s.PublishIntervalSeconds, $"{at}.timeToFailureSeconds", "must be at least one publish interval");
            if (FaultKinds.IsSensorFault(fault.Kind))
            {
                Require(fault.Channel is null || Readings.For(assetType!).Contains(fault.Channel), $"{at}.channel", $"'{fault.Channel}' is not a reading of a {assetType}");
            }
            else
            {
                Require(fault.Channel is null, $"{at}.channel", "only sensor faults name a channel");
            }
        }
    }

    private static void ValidateMaintenance(Scenario s, Dictionary<string, string> devices)
    {
        Require(s.Maintenance is not null, "maintenance", "must be a list");
        for (var i = 0; i < s.Maintenance!.Count; i++)
        {
            var m = s.Maintenance[i];
            Require(m is not null, $"maintenance[{i}]", "must be an object");
            Require(devices.ContainsKey(m!.Device ?? ""), $"maintenance[{i}].device", $"'{m.Device}' is not a device of the fleet");
            Require(double.IsFinite(m.AtSeconds), $"maintenance[{i}].atSeconds", "must be a number");
        }
    }

    private static void ValidateSensors(SensorSpec? sensors)
    {
        Require(sensors is not null, "sensors", "must be an object");
        Require(sensors!.NoiseScale is >= 0 and <= 10, "sensors.noiseScale", "must be between 0 and 10");
        Require(sensors.DropoutProbability is >= 0 and <= 1, "sensors.dropoutProbability", "must be between 0 and 1");
    }

    private static void ValidateNetwork(NetworkSpec? network, Dictionary<string, string> devices)
    {
        Require(network is not null, "network", "must be an object");
        Require(network!.DuplicateProbability is >= 0 and <= 1, "network.duplicateProbability", "must be between 0 and 1");
        Require(network.MalformedProbability is >= 0 and <= 1, "network.malformedProbability", "must be between 0 and 1");
        ValidateWindows(network.Disconnects, "network.disconnects", devices);
        ValidateWindows(network.Bursts, "network.bursts", devices);
        ValidateWindows(network.DelayedBatches, "network.delayedBatches", devices);
    }

    private static void ValidateWindows(IReadOnlyList<NetworkWindowSpec>? windows, string field, Dictionary<string, string> devices)
    {
        Require(windows is not null, field, "must be a list");
        for (var i = 0; i < windows!.Count; i++)
        {
            var w = windows[i];
            var at = $"{field}[{i}]";
            Require(w is not null, at, "must be an object");
            Require(w!.Device == "*" || devices.ContainsKey(w.Device ?? ""), $"{at}.device", $"'{w.Device}' is not a device of the fleet (or '*')");
            Require(double.IsFinite(w.AtSeconds) && w.AtSeconds >= 0, $"{at}.atSeconds", "must not be negative");
            Require(double.IsFinite(w.ForSeconds) && w.ForSeconds > 0, $"{at}.forSeconds", "must be positive");
        }
    }

    internal static bool IsTopicSafe(string id) =>
        id.Length > 0 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private static void Require(bool condition, string field, string message)
    {
        if (!condition)
        {
            throw new ScenarioException(field, message);
        }
    }
}
