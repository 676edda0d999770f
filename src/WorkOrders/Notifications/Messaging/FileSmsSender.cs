using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace WorkOrders.Maintenance.Notifications.Messaging;

/// <summary>Development sender: appends each SMS as one JSON line to <c>sms.jsonl</c> under <c>Notifications:Sms:Directory</c>.</summary>
public sealed class FileSmsSender(IOptions<SmsOptions> options, TimeProvider clock) : INotificationSender, IDisposable
{
    public const string FileName = "sms.jsonl";
    private readonly SemaphoreSlim gate = new(1, 1);

    public string Medium => NotificationMedia.Sms;

    public async Task SendAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var directory = Directory.CreateDirectory(options.Value.Directory!).FullName;
        var line = JsonSerializer.Serialize(
            new SmsLine(message.MessageId, clock.GetUtcNow(), message.To, message.Body), SmsJsonContext.Default.SmsLine);
        await gate.WaitAsync(cancellationToken);
        try
        {
            await File.AppendAllTextAsync(Path.Combine(directory, FileName), line + "\n", cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();
}

/// <summary>One line of <c>sms.jsonl</c>.</summary>
public sealed record SmsLine(string MessageId, DateTimeOffset At, string To, string Text);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SmsLine))]
internal sealed partial class SmsJsonContext : JsonSerializerContext;
