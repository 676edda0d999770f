using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using WorkOrders.Api.Orleans;
using WorkOrders.IntegrationTests.Support;
using WorkOrders.Maintenance.Persistence;

namespace WorkOrders.IntegrationTests.Orleans;

/// <summary>
/// The SQLite grain storage's group commit: every write lands once, conflicts stay per grain, disposal flushes; and a
/// write takes the state as it was when it started.
/// </summary>
public sealed class RelationalGrainStorageTests : IAsyncLifetime
{
    private const string StateName = "device";
    private readonly TestFolder _folder = new();
    private ServiceProvider _services = null!;

    private IDbContextFactory<MaintenanceDbContext> Contexts => _services.GetRequiredService<IDbContextFactory<MaintenanceDbContext>>();

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Maintenance"] = $"Data Source={_folder.File("maintenance.db")}",
        }).Build();
        _services = new ServiceCollection().AddLogging().AddMaintenanceStore(configuration).BuildServiceProvider();
        await _services.MigrateMaintenanceStoreAsync();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task ConcurrentWritesOfManyGrains_AreEachStoredOnce_AndReadBack()
    {
        await using var storage = Storage();
        var grains = Enumerable.Range(0, 529) /* more than two commits' worth (256 each) */.Select(i => GrainId.Create("device", $"pump-{i}")).ToList();
        var states = grains.Select(g => new TestState<Counter> { State = new Counter { Value = g.Key.ToString()!.Length } }).ToList();

        await Task.WhenAll(grains.Select((g, i) => storage.WriteStateAsync(StateName, g, states[i])));
        await Task.WhenAll(grains.Select((g, i) =>
        {
            states[i].State.Value += 1000;
            return storage.WriteStateAsync(StateName, g, states[i]);
        }));

        await using var db = await Contexts.CreateDbContextAsync();
        Assert.Equal(grains.Count, await db.GrainStates.CountAsync());
        for (var i = 0; i < grains.Count; i++)
        {
            var read = new TestState<Counter>();
            await storage.ReadStateAsync(StateName, grains[i], read);
            Assert.True(read.RecordExists);
            Assert.Equal(states[i].ETag, read.ETag);
            Assert.Equal(grains[i].Key.ToString()!.Length + 1000, read.State.Value);
        }
    }

    [Fact]
    public async Task AStaleETag_FailsOnlyThatGrainsWrite_InTheSameCommit()
    {
        await using var storage = Storage();
        var stale = GrainId.Create("device", "pump-stale");
        var fresh = GrainId.Create("device", "pump-fresh");
        var first = new TestState<Counter> { State = new Counter { Value = 1 } };
        var other = new TestState<Counter> { State = new Counter { Value = 1 } };
        await storage.WriteStateAsync(StateName, stale, first);
        await storage.WriteStateAsync(StateName, fresh, other);
        var outdated = new TestState<Counter> { State = new Counter { Value = 99 }, ETag = first.ETag };
        first.State.Value = 2;
        await storage.WriteStateAsync(StateName, stale, first);

        other.State.Value = 2;
        var results = await Task.WhenAll(
            Outcome(storage.WriteStateAsync(StateName, stale, outdated)),
            Outcome(storage.WriteStateAsync(StateName, fresh, other)),
            Outcome(storage.WriteStateAsync(StateName, GrainId.Create("device", "pump-fresh"), new TestState<Counter> { State = new Counter() })));

        Assert.IsType<InconsistentStateException>(results[0]);
        Assert.Null(results[1]);
        Assert.IsType<InconsistentStateException>(results[2]);
        var readStale = new TestState<Counter>();
        await storage.ReadStateAsync(StateName, stale, readStale);
        Assert.Equal(2, readStale.State.Value);
        var readFresh = new TestState<Counter>();
        await storage.ReadStateAsync(StateName, fresh, readFresh);
        Assert.Equal(2, readFresh.State.Value);
    }

    [Fact]
    public async Task StoresTheStateAsItWasWhenTheWriteStarted_ThoughItChangesBeforeTheWriteCompletes()
    {
        // The device grain relies on this: Orleans calls the storage between two of the grain's turns, and the grain
        // changes its state again while the write is in flight (write-behind), so the state is serialized before the
        // storage's first await.
        await using var storage = Storage();
        var grain = GrainId.Create("device", "pump-write-behind");
        var state = new TestState<Counter> { State = new Counter { Value = 1 } };

        var write = storage.WriteStateAsync(StateName, grain, state);
        var completedAtOnce = write.IsCompleted;
        state.State.Value = 2;
        await write;

        Assert.False(completedAtOnce);
        var read = new TestState<Counter>();
        await storage.ReadStateAsync(StateName, grain, read);
        Assert.Equal(1, read.State.Value);
        Assert.Equal(state.ETag, read.ETag);
    }

    [Fact]
    public async Task ARowWithAnOldFormatETag_LoadsAndIsUpdated_AndTheNewETagIsShort()
    {
        await using var storage = Storage();
        var grain = GrainId.Create("device", "pump-old-etag");
        var oldETag = Guid.NewGuid().ToString("N");
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            db.GrainStates.Add(new() { GrainType = $"{grain.Type}/{StateName}", GrainId = grain.Key.ToString()!, ETag = oldETag, Payload = """{"Value":5}""", UpdatedAt = DateTimeOffset.UnixEpoch });
            await db.SaveChangesAsync();
        }

        var read = new TestState<Counter>();
        await storage.ReadStateAsync(StateName, grain, read);
        var stale = new TestState<Counter> { State = new Counter { Value = 99 }, ETag = read.ETag };
        read.State.Value = 6;
        await storage.WriteStateAsync(StateName, grain, read);
        var staleOutcome = await Outcome(storage.WriteStateAsync(StateName, grain, stale));

        Assert.Equal(oldETag, stale.ETag);
        Assert.Equal(8, read.ETag!.Length);
        Assert.IsType<InconsistentStateException>(staleOutcome);
        var readBack = new TestState<Counter>();
        await storage.ReadStateAsync(StateName, grain, readBack);
        Assert.Equal(6, readBack.State.Value);
        Assert.Equal(read.ETag, readBack.ETag);
    }

    [Fact]
    public async Task Disposal_CommitsTheWritesStillQueued()
    {
        var storage = Storage();
        var grains = Enumerable.Range(0, 300).Select(i => GrainId.Create("device", $"pump-{i}")).ToList();
        var writes = grains.Select(g => storage.WriteStateAsync(StateName, g, new TestState<Counter> { State = new Counter { Value = 7 } })).ToList();

        await storage.DisposeAsync();

        await Task.WhenAll(writes);
        await using var reopened = Storage();
        foreach (var grain in grains)
        {
            var read = new TestState<Counter>();
            await reopened.ReadStateAsync(StateName, grain, read);
            Assert.Equal(7, read.State.Value);
        }
    }

    private RelationalGrainStorage Storage() => new(Contexts, TimeProvider.System);

    private static async Task<Exception?> Outcome(Task write)
    {
        try
        {
            await write;
            return null;
        }
        catch (InconsistentStateException exception)
        {
            return exception;
        }
    }

    public sealed class Counter
    {
        public int Value { get; set; }
    }

    private sealed class TestState<T> : IGrainState<T>
        where T : new()
    {
        [System.Diagnostics.CodeAnalysis.AllowNull]
        public T State { get; set; } = new();

        public string? ETag { get; set; }

        public bool RecordExists { get; set; }
    }
}
