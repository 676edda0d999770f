using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WorkOrders.EdgeAgent.Configuration;
using WorkOrders.EdgeAgent.Delivery;
using WorkOrders.EdgeAgent.Json;

namespace WorkOrders.EdgeAgent.RemoteConfig;

/// <summary>
/// Applies desired configuration without a restart: validates it against the settings in force,
/// applies and persists it, and reports what was applied; an invalid document is rejected with its
/// reasons and the last good settings stay. On start, re-applies what was persisted last time.
/// </summary>
public sealed partial class RemoteConfigService(
    MqttLink link,
    AgentSettingsStore settings,
    AppliedConfigurationFile file,
    IOptions<EdgeAgentOptions> options,
    TimeProvider timeProvider,
    ILogger<RemoteConfigService> logger) : BackgroundService
{
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (file.Load() is { } persisted)
        {
            var errors = DesiredConfigurationMerger.Validate(persisted);
            if (errors.Count == 0)
            {
                settings.Apply(persisted);
                LogRestored(logger, persisted.Version);
            }
            else
            {
                LogPersistedInvalid(logger, string.Join("; ", errors));
            }
        }

        return base.StartAsync(cancellationToken);
    }

    /// <summary>Handles one desired-configuration document and returns the report it published.</summary>
    public ConfigurationReport Handle(ReadOnlySpan<byte> document)
    {
        var requested = RequestedVersion(document);
        var merged = DesiredConfigurationMerger.TryMerge(settings.Current, document, out var errors);
        if (merged is null)
        {
            LogRejected(logger, requested, string.Join("; ", errors));
            return new ConfigurationReport(options.Value.DeviceId, ConfigurationReport.Rejected, requested, errors, settings.Current, timeProvider.GetUtcNow());
        }

        settings.Apply(merged);
        file.Save(merged);
        LogApplied(logger, merged.Version, merged.SampleIntervalMs, merged.PublishIntervalMs);
        return new ConfigurationReport(options.Value.DeviceId, ConfigurationReport.Applied, requested, null, merged, timeProvider.GetUtcNow());
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var message in link.Inbound.ReadAllAsync(stoppingToken))
            {
                var document = DesiredDocument(message);
                if (document is null)
                {
                    continue;
                }

                var report = Handle(document);
                await ReportAsync(report, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private byte[]? DesiredDocument(InboundMessage message)
    {
        try
        {
            return link.Profile.DesiredConfiguration(message);
        }
        catch (JsonException)
        {
            // Not JSON at all: still a configuration message, so reject it with the parser's reason.
            return message.Payload;
        }
    }

    private async Task ReportAsync(ConfigurationReport report, CancellationToken cancellationToken)
    {
        if (link.CurrentSession is not { } session)
        {
            return;
        }

        var payload = JsonSerializer.SerializeToUtf8Bytes(report, EdgeAgentJsonContext.Default.ConfigurationReport);
        try
        {
            await link.PublishAsync(session, link.Profile.Report(payload), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogReportFailed(logger, ex.Message);
        }
    }

    private static long? RequestedVersion(ReadOnlySpan<byte> document)
    {
        try
        {
            var reader = new Utf8JsonReader(document);
            using var json = JsonDocument.ParseValue(ref reader);
            foreach (var name in (string[])["version", "$version"])
            {
                if (json.RootElement.ValueKind == JsonValueKind.Object
                    && json.RootElement.TryGetProperty(name, out var version)
                    && version.TryGetInt64(out var value))
                {
                    return value;
                }
            }
        }
        catch (JsonException)
        {
            // Reported as a parse error by the merger.
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied remote configuration version {Version}: sample every {SampleMs} ms, publish every {PublishMs} ms")]
    private static partial void LogApplied(ILogger logger, long? version, int sampleMs, int publishMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected remote configuration version {Version}, keeping the last good one: {Errors}")]
    private static partial void LogRejected(ILogger logger, long? version, string errors);

    [LoggerMessage(Level = LogLevel.Information, Message = "Restored the remote configuration applied before the restart (version {Version})")]
    private static partial void LogRestored(ILogger logger, long? version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignoring the persisted remote configuration: {Errors}")]
    private static partial void LogPersistedInvalid(ILogger logger, string errors);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not report the configuration outcome: {Error}")]
    private static partial void LogReportFailed(ILogger logger, string error);
}
