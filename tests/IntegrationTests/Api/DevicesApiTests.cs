using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WorkOrders.Contracts.Devices;
using WorkOrders.IntegrationTests.Support;
using WorkOrders.Testing;

namespace WorkOrders.IntegrationTests.Api;

/// <summary>The devices API's contract over HTTP: validation problems, not-found problems, the registered list.</summary>
[Collection(BrokerCollection.Name)]
public sealed class DevicesApiTests(MosquittoServer broker)
{
    [Fact]
    public async Task RegisteringADeviceWithMissingFields_Answers400ProblemDetails_WithAnErrorPerMissingField()
    {
        await using var api = new ApiFactory(broker);
        using var http = api.CreateClient();

        using var response = await http.PostAsync("/api/devices", JsonContent.Create(new { location = "hall 1" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        var errors = problem.GetProperty("errors").EnumerateObject().ToDictionary(e => e.Name, e => e.Value.EnumerateArray().Select(m => m.GetString()).ToList());
        Assert.Equal(["assetType", "deviceId", "site"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(errors.Values, messages => Assert.NotEmpty(messages));
    }

    [Fact]
    public async Task GettingAnUnknownDevice_Answers404ProblemDetails_NamingTheDevice()
    {
        await using var api = new ApiFactory(broker);
        using var http = api.CreateClient();
        var unknown = Samples.NewDeviceId("ghost");

        using var response = await http.GetAsync($"/api/devices/{unknown}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Contains(unknown, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARegisteredDevice_IsListed_WithItsAssetTypeAndSite()
    {
        await using var api = new ApiFactory(broker);
        using var http = api.CreateClient();
        var deviceId = Samples.NewDeviceId("pump");

        using var registered = await http.PostAsJsonAsync("/api/devices", new DeviceRegistration(deviceId, "pump", "plant-north", "hall 1"));
        var devices = await http.GetFromJsonAsync<JsonElement>("/api/devices");

        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var device = Assert.Single(devices.EnumerateArray(), d => d.GetProperty("deviceId").GetString() == deviceId);
        Assert.Equal("pump", device.GetProperty("assetType").GetString());
        Assert.Equal("plant-north", device.GetProperty("site").GetString());
    }
}
