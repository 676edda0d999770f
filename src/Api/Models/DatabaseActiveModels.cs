using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using WorkOrders.Maintenance.Models;
using WorkOrders.Prediction.Lifecycle;

namespace WorkOrders.Api.Models;

/// <summary>
/// The silo's <see cref="IActiveModels"/>: polls the active versions every <see cref="ModelLifecycleOptions.RefreshInterval"/>
/// (ids only) and loads the artifact of a version only when it changes, so grains see a rollout or rollback within
/// one interval, without a restart.
/// </summary>
public sealed partial class DatabaseActiveModels(
    ModelRegistry registry, IOptions<ModelLifecycleOptions> options, TimeProvider clock, ILogger<DatabaseActiveModels> logger)
    : BackgroundService, IActiveModels
{
    private readonly ConcurrentDictionary<string, (Guid Id, ActiveModel Model)> active = new(StringComparer.OrdinalIgnoreCase);

    public ActiveModel? Find(string assetType) => active.TryGetValue(assetType, out var entry) ? entry.Model : null;

    /// <summary>Reads the active versions once; the loop calls it, tests may too.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var current = await registry.ActiveVersionsAsync(cancellationToken);
        foreach (var version in current)
        {
            if (active.TryGetValue(version.AssetType, out var known) && known.Id == version.Id)
            {
                continue;
            }

            if (await registry.FindAsync(version.Id, cancellationToken) is not { } row)
            {
                continue;
            }

            try
            {
                active[version.AssetType] = (version.Id, new ActiveModel(version.Label, ModelArtifact.Read(row.Artifact)));
                LogLoaded(version.Label);
            }
            catch (InvalidDataException ex)
            {
                LogUnreadable(ex, version.Label);
            }
        }

        foreach (var gone in active.Keys.Except(current.Select(v => v.AssetType), StringComparer.OrdinalIgnoreCase).ToList())
        {
            active.TryRemove(gone, out _);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshInterval, clock);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRefreshFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(131, LogLevel.Information, "Model version {Label} loaded for the grains")]
    private partial void LogLoaded(string label);

    [LoggerMessage(132, LogLevel.Error, "The artifact of model version {Label} cannot be read; grains keep the previous version")]
    private partial void LogUnreadable(Exception exception, string label);

    [LoggerMessage(133, LogLevel.Warning, "Reading the active model versions failed; retrying at the next refresh")]
    private partial void LogRefreshFailed(Exception exception);
}
