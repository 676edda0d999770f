using System.Text.Json;
using WorkOrders.EdgeAgent.Json;

namespace WorkOrders.EdgeAgent.Outbox;

/// <summary>Reads and atomically replaces <c>outbox.state</c>.</summary>
internal sealed class OutboxStateFile(string directory, bool flushToDisk)
{
    public const string FileName = "outbox.state";

    private readonly string _path = Path.Combine(directory, FileName);
    private readonly string _temporaryPath = Path.Combine(directory, FileName + ".tmp");

    /// <summary>The saved state; <see cref="OutboxState.Empty"/> when there is none or it cannot be read (then acknowledged samples may be sent once more).</summary>
    public OutboxState Load(out string? problem)
    {
        problem = null;
        if (!File.Exists(_path))
        {
            return OutboxState.Empty;
        }

        try
        {
            var state = JsonSerializer.Deserialize(File.ReadAllBytes(_path), EdgeAgentJsonContext.Default.OutboxState);
            if (state is { Version: OutboxState.CurrentVersion })
            {
                return state;
            }

            problem = $"{_path} has an unknown version.";
        }
        catch (JsonException ex)
        {
            problem = $"{_path} is not readable: {ex.Message}";
        }

        return OutboxState.Empty;
    }

    public void Save(OutboxState state)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(state, EdgeAgentJsonContext.Default.OutboxState);
        using (var stream = new FileStream(_temporaryPath, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk);
        }

        File.Move(_temporaryPath, _path, overwrite: true);
    }
}
