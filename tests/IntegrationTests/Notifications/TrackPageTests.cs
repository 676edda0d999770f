using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkOrders.IntegrationTests.Api;
using WorkOrders.IntegrationTests.Support;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Testing;

namespace WorkOrders.IntegrationTests.Notifications;

/// <summary>The customer's progress page in the real host: number, state and ETA, nothing else, no sign-in.</summary>
[Collection(BrokerCollection.Name)]
public sealed class TrackPageTests(MosquittoServer broker)
{
    [Fact]
    public async Task TheTrackPage_ShowsTheNumberStateAndEta_AndNothingElse()
    {
        await using var api = new ApiFactory(broker);
        using var http = api.CreateClient();
        using var created = await http.PostAsJsonAsync("/api/workorders", new
        {
            source = "Web", category = "Consultation", title = "Noisy pump in the basement", site = "plant-north",
            description = "Internal note: the customer's gate code is 4711",
        });
        var order = await created.Content.ReadFromJsonAsync<JsonElement>();
        var number = order.GetProperty("number").GetString()!;
        var eta = order.GetProperty("responseDueAt").GetDateTimeOffset();
        var token = await TokenAsync(api, number);

        using var page = await http.GetAsync($"/track/{token}");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains($"<span data-testid=\"number\">{number}</span>", html, StringComparison.Ordinal);
        Assert.Contains("Received, finding an engineer", html, StringComparison.Ordinal);
        Assert.Contains(eta.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture), html, StringComparison.Ordinal);
        Assert.DoesNotContain("Noisy pump", html, StringComparison.Ordinal);
        Assert.DoesNotContain("4711", html, StringComparison.Ordinal);
        Assert.DoesNotContain("plant-north", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Fleet</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownToken_Is404_AndNamesNoOrder()
    {
        await using var api = new ApiFactory(broker);
        using var http = api.CreateClient();
        using var created = await http.PostAsJsonAsync("/api/workorders", new { source = "Web", category = "Consultation", title = "Question", site = "plant-north" });

        using var page = await http.GetAsync("/track/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        var body = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain("WO-", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Question", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartingWithAnUnknownEmailSender_FailsNamingTheKey()
    {
        await using var api = new ApiFactory(broker: null, new Dictionary<string, string> { ["Notifications:Email:Sender"] = "Pigeon" });

        var failure = Record.Exception(() => api.Services);

        Assert.NotNull(failure);
        Assert.Contains("Notifications:Email:Sender must be one of Smtp, File, None, not 'Pigeon'.", Describe(failure), StringComparison.Ordinal);
    }

    private static async Task<string> TokenAsync(ApiFactory api, string number)
    {
        await using var db = api.Services.GetRequiredService<IDbContextFactory<MaintenanceDbContext>>().CreateDbContext();
        return await db.WorkOrders.Where(w => w.Number == number).Select(w => w.TrackingToken!).SingleAsync();
    }

    private static string Describe(Exception exception) => exception switch
    {
        AggregateException aggregate => string.Join(Environment.NewLine, aggregate.InnerExceptions.Select(Describe).Prepend(aggregate.Message)),
        { InnerException: { } inner } => exception.Message + Environment.NewLine + Describe(inner),
        _ => exception.Message,
    };
}
