namespace WorkOrders.Simulators;

/// <summary>Scenarios shipped inside the assembly, identical to the files in simulators/scenarios/.</summary>
public static class BuiltInScenarios
{
    private static readonly Lazy<Scenario> DemoScenario = new(() => Read("demo.json"));

    /// <summary>24 devices at plant-north and plant-south; three develop faults detectable within a minute at 60×.</summary>
    public static Scenario Demo => DemoScenario.Value;

    private static Scenario Read(string name)
    {
        var resource = $"WorkOrders.Simulators.Scenarios.{name}";
        using var stream = typeof(BuiltInScenarios).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded scenario '{resource}' is missing.");
        using var reader = new StreamReader(stream);
        return Scenario.Parse(reader.ReadToEnd());
    }
}
