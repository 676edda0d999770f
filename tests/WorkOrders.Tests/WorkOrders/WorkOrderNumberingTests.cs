using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.WorkOrders;
using WorkOrders.Testing;
using WorkOrders.WorkOrders.Tests.Infrastructure;

namespace WorkOrders.WorkOrders.Tests.WorkOrders;

[Collection(DatabaseCollection.Name)]
public sealed class WorkOrderNumberingTests(PostgresServer postgres)
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Numbers_AreUniqueAndGapless_Under20ConcurrentCreates(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            store.WorkOrders.CreateAsync(new NewWorkOrder("Phone", "Complaint", $"Noisy fan #{i}", Site: "plant-north")))));

        var numbers = results.Select(r => r.WorkOrder!.Number).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Enumerable.Range(1, 20).Select(n => WorkOrderNumbers.Format(2026, n)), numbers);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Numbering_StartsAgainAtOne_InANewYear(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        var order = new NewWorkOrder("Web", "Consultation", "Advice on spare parts", Site: "plant-south");
        await store.WorkOrders.CreateAsync(order);
        await store.WorkOrders.CreateAsync(order);
        store.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 1, 0, 0, 1, TimeSpan.Zero));

        var first2027 = await store.WorkOrders.CreateAsync(order);

        Assert.Equal("WO-27-00001", first2027.WorkOrder!.Number);
    }

    [Theory]
    [InlineData(2026, 42, "WO-26-00042")]
    [InlineData(2030, 1, "WO-30-00001")]
    [InlineData(2026, 123456, "WO-26-123456")]
    public void Format_GivesYearAndFiveDigitSequence(int year, int sequence, string expected) =>
        Assert.Equal(expected, WorkOrderNumbers.Format(year, sequence));
}
