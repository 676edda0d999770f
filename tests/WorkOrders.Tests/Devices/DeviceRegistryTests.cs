using WorkOrders.Contracts.Devices;
using WorkOrders.Maintenance.Devices;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Testing;
using WorkOrders.WorkOrders.Tests.Infrastructure;

namespace WorkOrders.WorkOrders.Tests.Devices;

[Collection(DatabaseCollection.Name)]
public sealed class DeviceRegistryTests(PostgresServer postgres)
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RegisteringAgain_UpdatesTheDevice_AndKeepsItsFirstRegistrationTime(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);

        var first = await store.Devices.RegisterAsync(new DeviceRegistration("pump-17", "pump", "plant-north", "Hall A", 59.3, 18.1));
        store.Clock.Advance(TimeSpan.FromDays(2));
        var second = await store.Devices.RegisterAsync(new DeviceRegistration("pump-17", " Pump ", "plant-south", null));

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(new RegisteredDevice("pump-17", "pump", "plant-south", null, null, null, TestStore.Start), await store.Devices.FindAsync("pump-17"));
        Assert.Single(await store.Devices.ListAsync());
    }

    [Fact]
    public async Task RejectsAMalformedIdAndMissingFields_FieldByField()
    {
        await using var store = await TestStore.CreateAsync(DatabaseProvider.Sqlite);

        var result = await store.Devices.RegisterAsync(new DeviceRegistration("pump 17/x", "", " ", null, Latitude: 91));

        Assert.False(result.IsValid);
        Assert.Equal(["assetType", "deviceId", "latitude", "site"], result.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["deviceId is required: 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-'."], result.Errors["deviceId"]);
        Assert.Empty(await store.Devices.ListAsync());
    }

    [Theory]
    [InlineData("pump-17", true)]
    [InlineData("Pump_17.a", true)]
    [InlineData("", false)]
    [InlineData("pump/17", false)]
    [InlineData("pump+17", false)]
    [InlineData("pümp", false)]
    public void DeviceIds_AllowOnlyTopicSafeCharacters(string id, bool valid) => Assert.Equal(valid, DeviceIds.IsValid(id));

    [Fact]
    public void DeviceIds_AllowAtMost64Characters()
    {
        Assert.True(DeviceIds.IsValid(new string('a', 64)));
        Assert.False(DeviceIds.IsValid(new string('a', 65)));
    }

    [Fact]
    public async Task IsRegistered_AnswersYes_AsSoonAsADeviceIsRegistered()
    {
        await using var store = await TestStore.CreateAsync(DatabaseProvider.Sqlite);
        var before = await store.Devices.IsRegisteredAsync("fan-2");

        await store.Devices.RegisterAsync(new DeviceRegistration("fan-2", "fan", "plant-north", null));

        Assert.False(before);
        Assert.True(await store.Devices.IsRegisteredAsync("fan-2"));
        Assert.False(await store.Devices.IsRegisteredAsync("fan-3"));
    }

    [Fact]
    public async Task IsRegistered_SeesDevicesRegisteredByAnotherProcess_OnlyAfterTheReloadInterval()
    {
        await using var store = await TestStore.CreateAsync(DatabaseProvider.Sqlite);
        Assert.False(await store.Devices.IsRegisteredAsync("motor-9")); // loads the cache
        await using (var db = store.CreateDbContext())
        {
            db.Devices.Add(new Device { DeviceId = "motor-9", AssetType = "motor", Site = "plant-south", RegisteredAt = store.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        }

        store.Clock.Advance(DeviceRegistry.MissReloadInterval - TimeSpan.FromSeconds(1));
        var withinInterval = await store.Devices.IsRegisteredAsync("motor-9");
        store.Clock.Advance(TimeSpan.FromSeconds(1));
        var afterInterval = await store.Devices.IsRegisteredAsync("motor-9");

        Assert.False(withinInterval);
        Assert.True(afterInterval);
    }
}
