using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WorkOrders.Contracts.Devices;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.Validation;

namespace WorkOrders.Maintenance.Devices;

/// <summary>
/// The device registry. <see cref="IsRegisteredAsync"/> answers from memory: the cache is loaded once, updated on
/// every registration here, and reloaded on a miss at most once per <see cref="MissReloadInterval"/>, so devices
/// registered by another process are seen soon and a flood of unknown ids costs one query per interval.
/// </summary>
public sealed class DeviceRegistry(IDbContextFactory<MaintenanceDbContext> contexts, TimeProvider clock, ILogger<DeviceRegistry> logger)
    : IDisposable
{
    public static readonly TimeSpan MissReloadInterval = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, byte> known = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim reloadGate = new(1, 1);
    private long loadedAtTicks; // UTC ticks of the last full load; 0 = never

    /// <summary>Validates and upserts: registering the same device again updates it and keeps its first <c>RegisteredAt</c>.</summary>
    public async Task<DeviceRegistrationResult> RegisterAsync(DeviceRegistration registration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var errors = new ValidationErrors();
        if (!DeviceIds.IsValid(registration.DeviceId))
        {
            errors.Add("deviceId", $"deviceId is required: 1 to {DeviceIds.MaxLength} characters of A-Z, a-z, 0-9, '.', '_' or '-'.");
        }

        var assetType = Codes.Normalize(errors.Text("assetType", registration.AssetType, 64, required: true));
        var site = Codes.Normalize(errors.Text("site", registration.Site, 64, required: true));
        var location = errors.Text("location", registration.Location, 256, required: false);
        if (registration.Latitude is < -90 or > 90 or double.NaN)
        {
            errors.Add("latitude", "latitude must be between -90 and 90.");
        }

        if (registration.Longitude is < -180 or > 180 or double.NaN)
        {
            errors.Add("longitude", "longitude must be between -180 and 180.");
        }

        if (!errors.IsEmpty)
        {
            return new(null, false, errors.ToDictionary());
        }

        for (var attempt = 1; ; attempt++)
        {
            await using var db = contexts.CreateDbContext();
            var device = await db.Devices.FindAsync([registration.DeviceId], cancellationToken);
            var created = device is null;
            device ??= db.Devices.Add(new Device
            {
                DeviceId = registration.DeviceId,
                AssetType = assetType!,
                Site = site!,
                RegisteredAt = clock.GetUtcNow(),
            }).Entity;
            device.AssetType = assetType!;
            device.Site = site!;
            device.Location = location;
            device.Latitude = registration.Latitude;
            device.Longitude = registration.Longitude;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException) when (created && attempt == 1)
            {
                continue; // registered concurrently: update the row that won
            }

            known.TryAdd(device.DeviceId, 0);
            logger.DeviceRegistered(device.DeviceId, device.AssetType, device.Site);
            return new(RegisteredDevice.From(device), created, new Dictionary<string, string[]>());
        }
    }

    public async Task<RegisteredDevice?> FindAsync(string deviceId, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var device = await db.Devices.AsNoTracking().FirstOrDefaultAsync(d => d.DeviceId == deviceId, cancellationToken);
        return device is null ? null : RegisteredDevice.From(device);
    }

    /// <summary>Devices ordered by id, optionally of one site and/or asset type.</summary>
    public async Task<IReadOnlyList<RegisteredDevice>> ListAsync(
        string? site = null, string? assetType = null, CancellationToken cancellationToken = default)
    {
        site = Codes.Normalize(site);
        assetType = Codes.Normalize(assetType);
        await using var db = contexts.CreateDbContext();
        var query = db.Devices.AsNoTracking();
        if (site is not null)
        {
            query = query.Where(d => d.Site == site);
        }

        if (assetType is not null)
        {
            query = query.Where(d => d.AssetType == assetType);
        }

        var devices = await query.OrderBy(d => d.DeviceId).ToListAsync(cancellationToken);
        return devices.ConvertAll(RegisteredDevice.From);
    }

    /// <summary>Whether telemetry from <paramref name="deviceId"/> may be accepted; from memory on the hot path.</summary>
    public async ValueTask<bool> IsRegisteredAsync(string deviceId, CancellationToken cancellationToken = default)
    {
        if (known.ContainsKey(deviceId))
        {
            return true;
        }

        var loaded = Volatile.Read(ref loadedAtTicks);
        if (clock.GetUtcNow().UtcTicks - loaded >= MissReloadInterval.Ticks)
        {
            await ReloadAsync(loaded, cancellationToken);
        }

        return known.ContainsKey(deviceId);
    }

    public void Dispose() => reloadGate.Dispose();

    private async Task ReloadAsync(long seen, CancellationToken cancellationToken)
    {
        await reloadGate.WaitAsync(cancellationToken);
        try
        {
            if (Volatile.Read(ref loadedAtTicks) != seen)
            {
                return; // another caller reloaded while this one waited
            }

            await using var db = contexts.CreateDbContext();
            var ids = await db.Devices.AsNoTracking().Select(d => d.DeviceId).ToListAsync(cancellationToken);
            foreach (var id in ids)
            {
                known.TryAdd(id, 0);
            }

            Volatile.Write(ref loadedAtTicks, clock.GetUtcNow().UtcTicks);
            logger.DeviceCacheReloaded(ids.Count);
        }
        finally
        {
            reloadGate.Release();
        }
    }
}
