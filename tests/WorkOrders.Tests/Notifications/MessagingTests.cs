using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using WorkOrders.Maintenance.Engineers;
using WorkOrders.Maintenance.Notifications;
using WorkOrders.Maintenance.Notifications.Messaging;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.WorkOrders;
using WorkOrders.WorkOrders.Tests.Infrastructure;
using static WorkOrders.WorkOrders.Tests.Notifications.NotificationTestKit;

namespace WorkOrders.WorkOrders.Tests.Notifications;

public sealed class MessagingTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"workorders-messages-{Guid.NewGuid():N}");

    private Dictionary<string, string?> FileSenders => new()
    {
        ["Notifications:Email:Sender"] = "File",
        ["Notifications:Email:Directory"] = Path.Combine(directory, "mail"),
        ["Notifications:Sms:Sender"] = "File",
        ["Notifications:Sms:Directory"] = Path.Combine(directory, "sms"),
        ["Notifications:PublicBaseUrl"] = "https://service.example/",
    };

    [Fact]
    public async Task TheFileSenders_WriteTheCustomersMessagesWithTheProgressLink_AndTheAssigneesEmail()
    {
        await using var store = await TestStore.CreateAsync(DatabaseProvider.Sqlite, settings: FileSenders);
        await store.Engineers.RegisterAsync(new EngineerRegistration(
            "eng-a", "Anna", "plant-north", [new EngineerSkillView("pump", 3)], Phone: "+4915100000001", Email: "anna@example.com"));
        var relay = store.Services.GetRequiredService<OutboxRelay>();
        await relay.PumpAsync();
        var order = await OpenAsync(store);
        await using (var db = store.CreateDbContext())
        {
            await db.WorkOrders.Where(w => w.Id == order.Id).ExecuteUpdateAsync(s => s
                .SetProperty(w => w.ContactEmail, "customer@example.org").SetProperty(w => w.ContactPhone, "+4930123456"));
        }

        await relay.PumpAsync();

        var events = await EventIdsAsync(store);
        var token = await TokenAsync(store, order.Id);
        var files = Directory.GetFiles(Path.Combine(directory, "mail")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal([$"{events[0]}-customer.eml", $"{events[1]}-customer.eml", $"{events[1]}-engineer-eng-a.eml"], files);
        var customer = await MimeMessage.LoadAsync(Path.Combine(directory, "mail", $"{events[1]}-customer.eml"));
        Assert.Equal("customer@example.org", customer.To.Mailboxes.Single().Address);
        Assert.Equal($"Your order {order.Number}: Engineer assigned", customer.Subject);
        Assert.Contains($"https://service.example/track/{token}", customer.TextBody, StringComparison.Ordinal);
        var engineer = await MimeMessage.LoadAsync(Path.Combine(directory, "mail", $"{events[1]}-engineer-eng-a.eml"));
        Assert.Equal(("anna@example.com", $"{order.Number} is assigned to you (dispatched)"), (engineer.To.Mailboxes.Single().Address, engineer.Subject));
        var sms = (await File.ReadAllLinesAsync(Path.Combine(directory, "sms", FileSmsSender.FileName)))
            .Select(line => JsonSerializer.Deserialize<JsonElement>(line)).ToList();
        Assert.Equal(["+4930123456", "+4915100000001", "+4930123456"], sms.Select(s => s.GetProperty("to").GetString()));
        Assert.Contains($"/track/{token}", sms[0].GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEscalation_ReachesEveryEngineerInItsNotifyList()
    {
        await using var store = await TestStore.CreateAsync(DatabaseProvider.Sqlite, settings: FileSenders);
        await store.Engineers.RegisterAsync(new EngineerRegistration("lead-1", "Lena Lead", "plant-north", [], Email: "lena@example.com"));
        await store.Engineers.RegisterAsync(new EngineerRegistration("mgr-1", "Max Manager", "plant-north", [], Email: "max@example.com"));
        var relay = store.Services.GetRequiredService<OutboxRelay>();
        await relay.PumpAsync();
        var order = await OpenAsync(store);
        long escalation;
        await using (var db = store.CreateDbContext())
        {
            var e = new WorkOrderEvent
            {
                WorkOrderId = order.Id, At = store.Clock.GetUtcNow(), Type = "escalated", Note = "Response target breached",
                DataJson = """{"level":2,"notify":[{"role":"team_lead","engineerId":"lead-1"},{"role":"manager","engineerId":"mgr-1"},{"role":"duty"}]}""",
            };
            db.WorkOrderEvents.Add(e);
            await db.SaveChangesAsync();
            escalation = e.Id;
        }

        await relay.PumpAsync();

        var files = Directory.GetFiles(Path.Combine(directory, "mail")).Select(Path.GetFileName).Where(f => f!.StartsWith($"{escalation}-", StringComparison.Ordinal));
        Assert.Equal([$"{escalation}-engineer-lead-1.eml", $"{escalation}-engineer-mgr-1.eml"], files.Order(StringComparer.Ordinal));
        var lead = await MimeMessage.LoadAsync(Path.Combine(directory, "mail", $"{escalation}-engineer-lead-1.eml"));
        Assert.Equal($"Escalation on {order.Number} (escalated)", lead.Subject);
        Assert.Contains("Response target breached", lead.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownSender_StopsWithTheKeysName()
    {
        await using var store = await TestStore.CreateAsync(DatabaseProvider.Sqlite, settings: new Dictionary<string, string?>
        {
            ["Notifications:Email:Sender"] = "Pigeon",
            ["Notifications:Sms:Sender"] = "File",
        });

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => store.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<EmailOptions>>().Value);
        var smsError = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => store.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SmsOptions>>().Value);

        Assert.Contains("Notifications:Email:Sender must be one of Smtp, File, None, not 'Pigeon'.", error.Failures);
        Assert.Contains("Notifications:Sms:Directory is required when Notifications:Sms:Sender is 'File'.", smsError.Failures);
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<string> TokenAsync(TestStore store, Guid id)
    {
        await using var db = store.CreateDbContext();
        return await db.WorkOrders.Where(w => w.Id == id).Select(w => w.TrackingToken!).SingleAsync();
    }
}
