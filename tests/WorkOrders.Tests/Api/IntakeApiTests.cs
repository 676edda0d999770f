using System.Net;
using System.Text;
using System.Text.Json;
using WorkOrders.WorkOrders.Tests.Infrastructure;

namespace WorkOrders.WorkOrders.Tests.Api;

[Collection(DatabaseCollection.Name)]
public sealed class IntakeApiTests
{
    [Fact]
    public async Task Categories_CanBeCreatedReadChangedAndDeleted_ThroughTheApi()
    {
        await using var api = await ApiHost.StartAsync();

        var (created, category) = await api.SendAsync(HttpMethod.Post, "/api/categories", new
        {
            code = "site-survey", name = "Site survey",
            fields = new object[] { new { name = "site", type = "Site", required = true }, new { name = "rooms", type = "Number" } },
        });
        var (again, conflict) = await api.SendAsync(HttpMethod.Post, "/api/categories", new { code = "site-survey", name = "Again" });
        var (replaced, template) = await api.SendAsync(HttpMethod.Put, "/api/categories/site-survey/template", new object[]
        {
            new { name = "site", type = "Site", required = true }, new { name = "rooms", type = "Number", required = true, label = "Rooms" },
        });
        var (renamed, changed) = await api.SendAsync(HttpMethod.Put, "/api/categories/site-survey", new { name = "Survey", active = false });
        var (deleted, _) = await api.SendAsync(HttpMethod.Delete, "/api/categories/site-survey");
        var (gone, problem) = await api.SendAsync(HttpMethod.Get, "/api/categories/site-survey");
        var (_, all) = await api.SendAsync(HttpMethod.Get, "/api/categories");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/categories/site-survey", created.Headers.Location?.OriginalString);
        Assert.Equal(["site", "rooms"], category.GetProperty("fields").EnumerateArray().Select(f => S(f, "name")));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("A category with the code 'site-survey' exists already; change it with PUT /api/categories/site-survey.", S(conflict, "detail"));
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(("Rooms", "Number", true), (S(template[1], "label"), S(template[1], "type"), template[1].GetProperty("required").GetBoolean()));
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(("Survey", false), (S(changed, "name"), changed.GetProperty("active").GetBoolean()));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.NotFound), (deleted.StatusCode, gone.StatusCode));
        Assert.Equal("No category has the code 'site-survey'.", S(problem, "detail"));
        Assert.Equal(6, all.GetArrayLength());
    }

    [Fact]
    public async Task Orders_AreCheckedAgainstAnEditedTemplate_AndACategoryInUseCannotBeDeleted()
    {
        await using var api = await ApiHost.StartAsync();
        await api.SendAsync(HttpMethod.Put, "/api/categories/complaint/template", new object[]
        {
            new { name = "site", type = "Site", required = true },
            new { name = "contact", type = "Contact", required = true },
            new { name = "symptoms", type = "Text", required = true, label = "What happened" },
        });

        var (refused, problem) = await api.SendAsync(HttpMethod.Post, "/api/workorders", new { source = "Web", category = "complaint", title = "Loud", site = "plant-north" });
        var (accepted, order) = await api.SendAsync(HttpMethod.Post, "/api/workorders", new
        {
            source = "Web", category = "complaint", title = "Loud", site = "plant-north", contactName = "Ola", contactPhone = "+46 70 555 0100",
            fields = new { symptoms = "Humming at night" },
        });
        var (inUse, conflict) = await api.SendAsync(HttpMethod.Delete, "/api/categories/complaint");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = problem.GetProperty("errors");
        Assert.Equal(["contactName", "contactPhone", "fields.symptoms"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("fields.symptoms (What happened) is required for Complaint orders.", errors.GetProperty("fields.symptoms")[0].GetString());
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Equal(("complaint", "Humming at night"), (S(order, "category"), S(order.GetProperty("fields"), "symptoms")));
        Assert.Equal(HttpStatusCode.Conflict, inUse.StatusCode);
        Assert.Equal("1 work order(s) are in the category 'complaint', so it cannot be deleted; set active to false instead.", S(conflict, "detail"));
    }

    [Fact]
    public async Task CustomersAndSites_FillInTheContact_OfAnOrderPostedWithOnlyASite()
    {
        await using var api = await ApiHost.StartAsync();

        var (customer, _) = await api.SendAsync(HttpMethod.Post, "/api/customers", new { id = "acme", name = "Acme", tier = "gold", contactName = "Petra", contactEmail = "petra@acme.example" });
        var (site, _) = await api.SendAsync(HttpMethod.Post, "/api/sites", new { id = "plant-west", name = "North", customerId = "acme" });
        var (badSite, problem) = await api.SendAsync(HttpMethod.Post, "/api/sites", new { id = "plant-x", name = "X", latitude = 91 });
        var (_, order) = await api.SendAsync(HttpMethod.Post, "/api/workorders", new { source = "Phone", category = "consultation", title = "Quote", site = "plant-west" });
        var (_, sites) = await api.SendAsync(HttpMethod.Get, "/api/sites?customerId=acme");

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.BadRequest), (customer.StatusCode, site.StatusCode, badSite.StatusCode));
        Assert.Equal("latitude must be between -90 and 90.", problem.GetProperty("errors").GetProperty("latitude")[0].GetString());
        Assert.Equal(("acme", "gold", "Petra", "petra@acme.example"), (S(order, "customerId"), S(order, "customerTier"), S(order, "contactName"), S(order, "contactEmail")));
        Assert.Equal(["plant-west"], sites.EnumerateArray().Select(s => S(s, "id")));
    }

    [Fact]
    public async Task Import_TakesTextCsv_AndAnswersWithTheSummary()
    {
        await using var api = await ApiHost.StartAsync();
        const string csv = "category,title,assetType,site\nrepair,Pump leaking,pump,plant-north\nrepair,No site,pump,\n";

        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        using var response = await api.Client.PostAsync("/api/workorders/import?actor=desk", content);
        using var json = new StringContent("{}", Encoding.UTF8, "application/json");
        using var wrongType = await api.Client.PostAsync("/api/workorders/import", json);
        var (_, orders) = await api.SendAsync(HttpMethod.Get, "/api/workorders?source=Import");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var summary = body.RootElement;
        Assert.Equal((2, 1, 1), (summary.GetProperty("rows").GetInt32(), summary.GetProperty("created").GetInt32(), summary.GetProperty("rejected").GetInt32()));
        var problem = summary.GetProperty("problems")[0];
        Assert.Equal((3, "site"), (problem.GetProperty("line").GetInt32(), S(problem, "column")));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
        Assert.Equal("Import", S(orders.GetProperty("items")[0], "source"));
        Assert.Equal("eng-anna", S(orders.GetProperty("items")[0], "assigneeId"));
    }

    private static string? S(JsonElement element, string property) => element.GetProperty(property).GetString();
}
