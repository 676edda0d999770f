using Microsoft.Extensions.Options;
using WorkOrders.Contracts.Maintenance;
using WorkOrders.Maintenance.Models;
using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.WorkOrders.Tests.Models;

public sealed class PredictivePlannerTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 14, 9, 0, 0, TimeSpan.Zero);

    private static readonly PredictivePlanner Planner = new(new StaticOptions(new PredictivePlanningOptions
    {
        Horizon = TimeSpan.FromDays(7), UrgentProbability = 0.5, DueMargin = TimeSpan.FromDays(1),
    }));

    private static PredictiveWorkOrderRequest Forecast(double? lowerDays, double? probability, double? pointDays = null) => new(
        "pump-1/episode/1", "pump-1", "pump", "plant-north", "Bearing wear", "vibration", 0.95, Now,
        pointDays is { } p ? Now.AddDays(p) : lowerDays is { } l ? Now.AddDays(l + 3) : null,
        "pump-v2",
        lowerDays is { } lower ? Now.AddDays(lower) : null,
        lowerDays is { } upper ? Now.AddDays(upper + 6) : null,
        probability);

    [Fact]
    public void PlansAPreventiveOrder_DueTheMarginBeforeTheFailureWindow_WhenTheFailureIsFarAway()
    {
        var plan = Planner.Plan(Forecast(lowerDays: 20, probability: 0.05), Now);

        Assert.Equal(new PredictivePlan(WorkOrderPriority.Low, Now.AddDays(19), Imminent: false), plan);
    }

    [Fact]
    public void PlansAMediumPreventiveOrder_WhenTheWindowOpensWithinTwoHorizons()
    {
        var plan = Planner.Plan(Forecast(lowerDays: 10, probability: 0.1), Now);

        Assert.Equal(new PredictivePlan(WorkOrderPriority.Medium, Now.AddDays(9), Imminent: false), plan);
    }

    [Fact]
    public void PlansAnUrgentOrder_WhenTheWindowOpensInsideTheHorizon()
    {
        var plan = Planner.Plan(Forecast(lowerDays: 6.5, probability: 0.1), Now);

        Assert.Equal(new PredictivePlan(WorkOrderPriority.Urgent, null, Imminent: true), plan);
    }

    [Fact]
    public void PlansAnUrgentOrder_WhenTheProbabilityWithinTheHorizonReachesTheThreshold_EvenIfTheWindowIsLater()
    {
        var plan = Planner.Plan(Forecast(lowerDays: 30, probability: 0.5), Now);

        Assert.Equal(new PredictivePlan(WorkOrderPriority.Urgent, null, Imminent: true), plan);
    }

    [Fact]
    public void UsesThePointForecast_WhenThereIsNoBand()
    {
        var plan = Planner.Plan(Forecast(lowerDays: null, probability: 0.1, pointDays: 15), Now);

        Assert.Equal(new PredictivePlan(WorkOrderPriority.Low, Now.AddDays(14), Imminent: false), plan);
    }

    [Fact]
    public void LeavesThePriorityToTheSlaPolicy_WhenTheRequestHasNoBandAndNoProbability()
    {
        Assert.Null(Planner.Plan(Forecast(lowerDays: null, probability: null), Now));
        Assert.Null(Planner.Plan(Forecast(lowerDays: null, probability: null, pointDays: 1), Now));
        Assert.Null(Planner.Plan(Forecast(lowerDays: null, probability: 0.2), Now));
    }

    private sealed class StaticOptions(PredictivePlanningOptions value) : IOptionsMonitor<PredictivePlanningOptions>
    {
        public PredictivePlanningOptions CurrentValue => value;

        public PredictivePlanningOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<PredictivePlanningOptions, string?> listener) => null;
    }
}
