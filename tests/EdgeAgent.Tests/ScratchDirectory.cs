namespace WorkOrders.EdgeAgent.Tests;

/// <summary>A fresh directory per test, deleted afterwards.</summary>
public sealed class ScratchDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateDirectory(
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"edge-agent-tests-{Guid.NewGuid():N}")).FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold a file; the OS cleans temp up.
        }
    }
}
