using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.Sla;
using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.WorkOrders.Tests.Sla;

public sealed class SlaPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 14, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0.95, null, WorkOrderPriority.Urgent)]
    [InlineData(0.9, null, WorkOrderPriority.Urgent)]
    [InlineData(0.8, null, WorkOrderPriority.High)]
    [InlineData(0.5, null, WorkOrderPriority.Medium)]
    [InlineData(0.2, null, WorkOrderPriority.Low)]
    [InlineData(0.2, 12.0, WorkOrderPriority.Urgent)]
    [InlineData(0.2, 48.0, WorkOrderPriority.High)]
    [InlineData(0.2, 100.0, WorkOrderPriority.Medium)]
    [InlineData(0.2, 200.0, WorkOrderPriority.Low)]
    [InlineData(0.95, 200.0, WorkOrderPriority.Urgent)]
    [InlineData(0.2, -5.0, WorkOrderPriority.Urgent)]
    public void Priority_IsTheHigherOfSeverityAndTimeToFailure(double severity, double? hoursToFailure, WorkOrderPriority expected)
    {
        var failureAt = hoursToFailure is { } hours ? Now.AddHours(hours) : (DateTimeOffset?)null;

        Assert.Equal(expected, SlaPolicy.PriorityFor(severity, failureAt, Now));
    }

    [Fact]
    public void DueTimes_FollowThePrioritysTargets()
    {
        var policy = Policy(new SlaOptions());

        Assert.Equal((Now.AddHours(1), Now.AddHours(8)), policy.DueTimes(WorkOrderPriority.Urgent, Now));
        Assert.Equal((Now.AddDays(3), Now.AddDays(14)), policy.DueTimes(WorkOrderPriority.Low, Now));
    }

    [Fact]
    public void APredictedFailure_PullsResolutionForward_ButNeverBeforeTheResponse()
    {
        var policy = Policy(new SlaOptions());

        Assert.Equal(Now.AddHours(30), policy.DueTimes(WorkOrderPriority.Medium, Now, Now.AddHours(30)).ResolutionDueAt);
        Assert.Equal(Now.AddHours(24), policy.DueTimes(WorkOrderPriority.Medium, Now, Now.AddHours(2)).ResolutionDueAt);
    }

    [Fact]
    public void TargetsAreConfigurable_PerPriority()
    {
        var options = Bind(new() { ["Sla:High:Response"] = "00:30:00", ["Sla:High:Resolution"] = "06:00:00" });

        Assert.Equal((TimeSpan.FromMinutes(30), TimeSpan.FromHours(6)), (options.High.Response, options.High.Resolution));
        Assert.Equal(TimeSpan.FromHours(1), options.Urgent.Response);
    }

    [Fact]
    public void ABadTarget_StopsStartUp_NamingTheKey()
    {
        var error = Assert.Throws<OptionsValidationException>(() =>
            Bind(new() { ["Sla:High:Response"] = "08:00:00", ["Sla:High:Resolution"] = "04:00:00", ["Sla:Low:Response"] = "00:00:00" }));

        Assert.Equal(
            [
                "Sla:High:Resolution (04:00:00) must not be shorter than Sla:High:Response (08:00:00).",
                "Sla:Low:Response must be a positive duration such as 04:00:00 (it is 00:00:00).",
            ],
            error.Failures.Order(StringComparer.Ordinal));
    }

    private static SlaPolicy Policy(SlaOptions options) => new(new StaticOptionsMonitor(options));

    private static SlaOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddLogging().AddMaintenanceStore(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<SlaOptions>>().Value;
    }

    private sealed class StaticOptionsMonitor(SlaOptions value) : IOptionsMonitor<SlaOptions>
    {
        public SlaOptions CurrentValue => value;

        public SlaOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<SlaOptions, string?> listener) => null;
    }
}
