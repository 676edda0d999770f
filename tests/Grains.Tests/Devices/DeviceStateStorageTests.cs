using Orleans.Storage;
using WorkOrders.Grains.Devices;

namespace WorkOrders.Grains.Tests.Devices;

/// <summary>The device grain's own state calls: the stored rows' name, and failures as Orleans' bridge reported them.</summary>
public sealed class DeviceStateStorageTests
{
    private static readonly GrainId Device = GrainId.Create("device", "pump-storage");

    [Fact]
    public async Task ReadsAndWritesUnderTheStateNameThePersistentStateAttributeUsed()
    {
        var storage = new RecordingStorage();
        var state = new Holder();

        await DeviceStateStorage.ReadAsync(storage, Device, state);
        await DeviceStateStorage.WriteAsync(storage, Device, state);

        Assert.Equal(["read device", "write device"], storage.Calls);
    }

    [Fact]
    public async Task AWriteFailure_IsAnOrleansExceptionNamingTheGrain_WithTheCauseInside()
    {
        var cause = new IOException("disk full");
        var storage = new RecordingStorage { Failure = cause };

        var failure = await Assert.ThrowsAsync<OrleansException>(() => DeviceStateStorage.WriteAsync(storage, Device, new Holder()));

        Assert.Same(cause, failure.InnerException);
        Assert.Contains(Device.ToString(), failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AConflict_ReachesTheGrainAsItIs()
    {
        var conflict = new InconsistentStateException("stale", "old", "new");
        var storage = new RecordingStorage { Failure = conflict };

        var failure = await Assert.ThrowsAsync<InconsistentStateException>(() => DeviceStateStorage.WriteAsync(storage, Device, new Holder()));

        Assert.Same(conflict, failure);
    }

    private sealed class Holder : IGrainState<DeviceState>
    {
        [System.Diagnostics.CodeAnalysis.AllowNull]
        public DeviceState State { get; set; } = new();

        public string? ETag { get; set; }

        public bool RecordExists { get; set; }
    }

    private sealed class RecordingStorage : IGrainStorage
    {
        public List<string> Calls { get; } = [];

        public Exception? Failure { get; init; }

        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Record($"read {stateName}");

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Record($"write {stateName}");

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Record($"clear {stateName}");

        private async Task Record(string call)
        {
            await Task.Yield();
            Calls.Add(call);
            if (Failure is not null)
            {
                throw Failure;
            }
        }
    }
}
