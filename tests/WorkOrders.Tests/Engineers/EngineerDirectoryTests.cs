using WorkOrders.Maintenance.Engineers;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Testing;
using WorkOrders.WorkOrders.Tests.Infrastructure;

namespace WorkOrders.WorkOrders.Tests.Engineers;

[Collection(DatabaseCollection.Name)]
public sealed class EngineerDirectoryTests(PostgresServer postgres)
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RegisteringAgain_ReplacesTheSkills(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        await store.Engineers.RegisterAsync(new EngineerRegistration(
            "eng-kim", "Kim", "plant-north", [new("pump", 2), new("motor", 4)], Email: "kim@example.com"));

        var again = await store.Engineers.RegisterAsync(new EngineerRegistration(
            "eng-kim", "Kim Lee", "Plant-South", [new("Pump", 3), new("fan", 1)]));

        Assert.False(again.Created);
        var kim = await store.Engineers.FindAsync("eng-kim");
        Assert.Equal(("Kim Lee", "plant-south", null), (kim!.Name, kim.Site, kim.Email));
        Assert.Equal([new EngineerSkillView("fan", 1), new EngineerSkillView("pump", 3)], kim.Skills);
        Assert.Empty(await store.Engineers.ListAsync(assetType: "motor"));
    }

    [Fact]
    public async Task RejectsDuplicateSkillsAndLevelsOutOfRange()
    {
        await using var store = await TestStore.CreateAsync(DatabaseProvider.Sqlite);

        var result = await store.Engineers.RegisterAsync(new EngineerRegistration(
            "eng-x", "X", "plant-north", [new("pump", 2), new("PUMP", 3), new("fan", 0)]));

        Assert.Equal(["skills[1].assetType 'pump' is listed twice."], result.Errors["skills[1].assetType"]);
        Assert.Equal(["skills[2].level must be from 1 to 5."], result.Errors["skills[2].level"]);
        Assert.Null(await store.Engineers.FindAsync("eng-x"));
    }
}
