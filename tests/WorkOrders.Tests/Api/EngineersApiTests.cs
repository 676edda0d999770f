using System.Net;
using System.Text.Json;
using WorkOrders.WorkOrders.Tests.Infrastructure;

namespace WorkOrders.WorkOrders.Tests.Api;

[Collection(DatabaseCollection.Name)]
public sealed class EngineersApiTests
{
    [Fact]
    public async Task Post_Creates_ThenReplaces_AndListFiltersByQualification()
    {
        await using var api = await ApiHost.StartAsync();
        var engineer = new { id = "eng-zoe", name = "Zoe Park", site = "plant-east", skills = new[] { new { assetType = "Chiller", level = 4 } } };

        var (created, _) = await api.SendAsync(HttpMethod.Post, "/api/engineers", engineer);
        var (replaced, view) = await api.SendAsync(HttpMethod.Post, "/api/engineers", engineer with { skills = new[] { new { assetType = "chiller", level = 5 } } });
        var (_, chillers) = await api.SendAsync(HttpMethod.Get, "/api/engineers?assetType=chiller");

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (created.StatusCode, replaced.StatusCode));
        Assert.Equal(5, view.GetProperty("skills")[0].GetProperty("level").GetInt32());
        Assert.Equal(["eng-zoe"], chillers.EnumerateArray().Select(e => e.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Post_Returns400_WithAMessagePerField()
    {
        await using var api = await ApiHost.StartAsync();

        var (response, problem) = await api.SendAsync(HttpMethod.Post, "/api/engineers",
            new { id = "eng 1", name = "", site = "plant-north", email = "nope", skills = new[] { new { assetType = "pump", level = 7 } } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["email", "id", "name", "skills[0].level"],
            problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Get_ShowsTheDemoEngineer_WithOpenOrders_Or404()
    {
        await using var api = await ApiHost.StartAsync();
        await api.SendAsync(HttpMethod.Post, "/api/workorders", new { source = "Api", category = "Repair", title = "Fan rattles", assetType = "fan", site = "plant-south" });

        var (_, emil) = await api.SendAsync(HttpMethod.Get, "/api/engineers/eng-emil");
        var (missing, problem) = await api.SendAsync(HttpMethod.Get, "/api/engineers/eng-nobody");

        Assert.Equal(1, emil.GetProperty("openWorkOrders").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("No engineer has the id 'eng-nobody'.", problem.GetProperty("detail").GetString());
    }
}
