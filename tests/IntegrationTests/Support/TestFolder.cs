namespace WorkOrders.IntegrationTests.Support;

/// <summary>A scratch folder for one test's SQLite files, deleted on dispose.</summary>
public sealed class TestFolder : IDisposable
{
    public string Path { get; } = Directory.CreateDirectory(
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"workorders-it-{Guid.NewGuid():N}")).FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a pooled connection; the OS's temp clean-up takes it.
        }
    }
}
