using WorkOrders.Contracts.Telemetry;
using WorkOrders.Simulators.Network;

namespace WorkOrders.Simulators.Tests;

public class NetworkPlanTests
{
    private const string Pump = "n-pump-01";

    [Fact]
    public void ADrop_FiresOnce_HoldsTheSamples_AndDrainsThemAsABatchOnReconnect()
    {
        var steps = PlanSteps(new NetworkSpec { Disconnects = [new NetworkWindowSpec(Pump, 300, 300)] }, steps: 12);

        var pump = steps.Select(step => string.Join(' ', step.Where(t => t.DeviceId == Pump).Select(Describe))).ToList();

        Assert.Equal(["1", "2", "3", "4", "drop", "", "", "", "", "restore [5..9] 10", "11", "12"], pump);
    }

    [Fact]
    public void ABurst_HoldsTheSamples_ThenSendsThemBackToBack()
    {
        var steps = PlanSteps(new NetworkSpec { Bursts = [new NetworkWindowSpec("*", 120, 180)] }, steps: 6);

        var pump = steps.Select(step => string.Join(' ', step.Where(t => t.DeviceId == Pump).Select(Describe))).ToList();

        Assert.Equal(["1", "", "", "", "2 3 4 5", "6"], pump);
    }

    [Fact]
    public void ADelayedBatch_HoldsTheSamples_ThenSendsOneBatch()
    {
        var steps = PlanSteps(new NetworkSpec { DelayedBatches = [new NetworkWindowSpec(Pump, 60, 240)] }, steps: 6);

        var pump = steps.Select(step => string.Join(' ', step.Where(t => t.DeviceId == Pump).Select(Describe))).ToList();
        var motor = steps.Select(step => string.Join(' ', step.Where(t => t.DeviceId == "n-motor-01").Select(Describe))).ToList();

        Assert.Equal(["", "", "", "", "[1..4] 5", "6"], pump);
        Assert.Equal(["1", "2", "3", "4", "5", "6"], motor);
    }

    [Fact]
    public void Duplicates_RepeatTheSameBytes_AtAboutTheirProbability()
    {
        var plan = Plan(new NetworkSpec { DuplicateProbability = 0.2 }, steps: 500).OfType<TelemetryPublish>().ToList();

        var duplicates = plan.Count(p => p.IsDuplicate);

        Assert.InRange(duplicates, 0.15 * 2000, 0.25 * 2000);
        Assert.All(plan.Zip(plan.Skip(1)).Where(pair => pair.Second.IsDuplicate), pair => Assert.Equal(pair.First.Payload, pair.Second.Payload));
    }

    [Fact]
    public void MalformedMessages_AreNotTelemetry_AndTakeNoSeq()
    {
        var plan = Plan(new NetworkSpec { MalformedProbability = 0.1 }, steps: 200);

        var malformed = plan.OfType<MalformedPublish>().ToList();
        var seqs = plan.OfType<TelemetryPublish>().Where(p => p.DeviceId == Pump).Select(p => TelemetryCodec.Decode(p.Payload).Seq);

        Assert.InRange(malformed.Count, 40, 120);
        Assert.All(malformed, m => Assert.False(IsValidSingle(m.Payload)));
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long?)i), seqs);
    }

    [Fact]
    public void ThePlan_IsDeterministic()
    {
        var network = new NetworkSpec
        {
            Disconnects = [new NetworkWindowSpec("*", 600, 300)],
            DuplicateProbability = 0.05,
            MalformedProbability = 0.05,
        };

        var first = Plan(network, 300).Select(Bytes).ToList();
        var second = Plan(network, 300).Select(Bytes).ToList();

        Assert.Equal(first, second);
    }

    private static List<Transmission> Plan(NetworkSpec network, int steps) => [.. PlanSteps(network, steps).SelectMany(s => s)];

    private static List<IReadOnlyList<Transmission>> PlanSteps(NetworkSpec network, int steps)
    {
        var scenario = TestScenarios.OneOfEach("n", intervalSeconds: 60) with { Network = network };
        var model = new FleetModel(scenario);
        var plan = new NetworkPlan(scenario);
        return [.. Enumerable.Range(0, steps).Select(_ => plan.Plan(model.Step(), model.Now))];
    }

    private static string Describe(Transmission t) => t switch
    {
        ConnectionDrop => "drop",
        ConnectionRestore => "restore",
        TelemetryPublish { Samples: 1 } p => TelemetryCodec.Decode(p.Payload).Seq!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        TelemetryPublish p => $"[{TelemetryCodec.Decode(p.Payload).Samples![0].Seq}..{TelemetryCodec.Decode(p.Payload).Samples![^1].Seq}]",
        _ => "malformed",
    };

    private static string Bytes(Transmission t) => t switch
    {
        TelemetryPublish p => Convert.ToBase64String(p.Payload),
        MalformedPublish m => Convert.ToBase64String(m.Payload),
        _ => t.ToString(),
    };

    private static bool IsValidSingle(byte[] payload)
    {
        try
        {
            var message = TelemetryCodec.Decode(payload);
            return message.DeviceId is not null && message.Seq is not null && message.Ts is not null && message.Readings is not null;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }
}
