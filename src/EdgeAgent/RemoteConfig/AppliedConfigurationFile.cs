using System.Text.Json;
using Microsoft.Extensions.Options;
using WorkOrders.EdgeAgent.Configuration;
using WorkOrders.EdgeAgent.Json;

namespace WorkOrders.EdgeAgent.RemoteConfig;

/// <summary>The last applied remote configuration, kept in the outbox directory so it survives a restart.</summary>
public sealed class AppliedConfigurationFile(IOptions<EdgeAgentOptions> options)
{
    public const string FileName = "applied-config.json";

    private string Path => System.IO.Path.Combine(options.Value.Outbox.Directory, FileName);

    public AgentSettings? Load()
    {
        if (!File.Exists(Path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(Path), EdgeAgentJsonContext.Default.AgentSettings);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Save(AgentSettings settings)
    {
        Directory.CreateDirectory(options.Value.Outbox.Directory);
        var temporary = Path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, settings, EdgeAgentJsonContext.Default.AgentSettings);
            stream.Flush(options.Value.Outbox.FlushToDisk);
        }

        File.Move(temporary, Path, overwrite: true);
    }
}
