using System.Buffers;
using System.Collections.Concurrent;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using WorkOrders.Maintenance.Notifications.Messaging;
using WorkOrders.Testing;

namespace WorkOrders.WorkOrders.Tests.Notifications;

public sealed class SmtpEmailSenderTests
{
    [Fact]
    public async Task SendsTheMessage_ToARealSmtpServer()
    {
        var port = FreePort.Next();
        var store = new CapturingStore();
        var provider = new SmtpServer.ComponentModel.ServiceProvider();
        provider.Add(store);
        var server = new SmtpServer.SmtpServer(
            new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, port))).Build(),
            provider);
        using var stop = new CancellationTokenSource();
        var running = server.StartAsync(stop.Token);
        await Eventually.AssertAsync(async () =>
        {
            using var probe = new TcpClient();
            await probe.ConnectAsync("127.0.0.1", port);
            return true;
        }, TimeSpan.FromSeconds(30), "the SMTP server to listen");
        var options = Options.Create(new EmailOptions
        {
            Sender = "Smtp", From = "desk@workorders.example", FromName = "Service desk",
            Smtp = new SmtpSettings { Host = "127.0.0.1", Port = port, Security = "None" },
        });
        var sender = new SmtpEmailSender(options, new FakeTimeProvider(new DateTimeOffset(2026, 3, 14, 9, 0, 0, TimeSpan.Zero)));

        await sender.SendAsync(new NotificationMessage(NotificationMedia.Email, "42-customer", "customer@example.org", "Customer", "Your order WO-26-00001", "Engineer assigned."), CancellationToken.None);

        var received = Assert.Single(store.Messages);
        Assert.Equal("customer@example.org", received.To.Mailboxes.Single().Address);
        Assert.Equal("desk@workorders.example", received.From.Mailboxes.Single().Address);
        Assert.Equal(("Your order WO-26-00001", "42-customer@workorders"), (received.Subject, received.MessageId));
        Assert.Equal("Engineer assigned.", received.TextBody?.Trim());
        await stop.CancelAsync();
        server.Shutdown();
        await server.ShutdownTask;
        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
            // Stopping by cancellation is how the server ends.
        }
    }

    private sealed class CapturingStore : MessageStore
    {
        public ConcurrentQueue<MimeMessage> Messages { get; } = new();

        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            Messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
