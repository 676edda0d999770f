using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.Sla;
using WorkOrders.WorkOrders.Tests.Infrastructure;
using static WorkOrders.WorkOrders.Tests.Sla.SlaScenario;

namespace WorkOrders.WorkOrders.Tests.Sla;

public sealed class SlaMetricsTests
{
    [Fact]
    public async Task CountsWarningsBreachesAndEscalations_OnTheWorkOrdersSlaMeter()
    {
        await using var store = await TestStore.CreateAsync(DatabaseProvider.Sqlite);
        await ArrangeAsync(store, response: TimeSpan.FromHours(2), arrival: TimeSpan.FromHours(4), resolution: TimeSpan.FromHours(8));
        var meters = store.Services.GetRequiredService<IMeterFactory>();
        var counts = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == SlaMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, meters))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            counts.AddOrUpdate($"{instrument.Name}/{tags[0].Value}", value, (_, sum) => sum + value));
        listener.Start();
        var number = (await store.WorkOrders.CreateAsync(PumpRepair)).WorkOrder!.Number;

        await RunAtAsync(store, number, Monday.AddHours(9));

        Assert.Equal(
            ["workorders.sla.breaches/response=1", "workorders.sla.escalations/1=1", "workorders.sla.warnings/response=1"],
            counts.Select(c => $"{c.Key}={c.Value}").Order(StringComparer.Ordinal));
    }
}
