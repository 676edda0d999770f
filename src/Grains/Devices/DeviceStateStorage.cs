using Orleans.Storage;

namespace WorkOrders.Grains.Devices;

/// <summary>
/// Reads and writes a device grain's state through the silo's grain storage <see cref="GrainStorage.Devices"/>
/// directly, the grain itself being the <see cref="IGrainState{T}"/>: no per-activation <c>IPersistentState</c> bridge,
/// lifecycle subscription or separate state holder. Like Orleans' bridge, a failure that is not an
/// <see cref="OrleansException"/> (an <see cref="InconsistentStateException"/> is one) is wrapped in one that names the grain.
/// </summary>
internal static class DeviceStateStorage
{
    /// <summary>The state's name, as <c>[PersistentState("device", "devices")]</c> stored it: stored rows keep their key.</summary>
    public const string StateName = "device";

    public static async Task ReadAsync(IGrainStorage storage, GrainId grainId, IGrainState<DeviceState> state)
    {
        try
        {
            await storage.ReadStateAsync(StateName, grainId, state);
        }
        catch (Exception exception) when (exception is not OrleansException)
        {
            throw new OrleansException($"Reading the state of {grainId} from grain storage '{GrainStorage.Devices}' failed: {exception.Message}", exception);
        }
    }

    /// <summary>
    /// Starts the write at once: the storage serializes the state before its first await (the host's
    /// <c>RelationalGrainStorage</c> does, and the test storage checks it), so the state is taken within the grain's
    /// current turn and the turns that follow may change it while the write is in flight.
    /// </summary>
    public static async Task WriteAsync(IGrainStorage storage, GrainId grainId, IGrainState<DeviceState> state)
    {
        try
        {
            await storage.WriteStateAsync(StateName, grainId, state);
        }
        catch (Exception exception) when (exception is not OrleansException)
        {
            throw new OrleansException($"Writing the state of {grainId} to grain storage '{GrainStorage.Devices}' failed: {exception.Message}", exception);
        }
    }
}
