using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WorkOrders.Ingest.Pipeline;
using WorkOrders.Ingest.TimeSeries;

namespace WorkOrders.Ingest.Tests.TimeSeries;

/// <summary>
/// Embedded stores of one test on files in a temporary directory of its own, on a fake clock. Disposing closes every
/// store opened and deletes the directory.
/// </summary>
internal sealed class TemporaryStores(string databaseFile, DateTimeOffset now) : IAsyncDisposable
{
    private readonly List<SqliteTelemetryStore> stores = [];

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), $"workorders-sqlite-test-{Guid.NewGuid():N}");

    public FakeTimeProvider Time { get; } = new(now);

    /// <summary>The database file, <c>databaseFile</c> below <see cref="Directory"/>.</summary>
    public string DatabasePath => Path.Combine(Directory, databaseFile);

    /// <summary>A store on <see cref="DatabasePath"/>, or on the options' own path when they set one.</summary>
    public SqliteTelemetryStore Open(EmbeddedStoreOptions? options = null, IngestMetrics? metrics = null)
    {
        options ??= new EmbeddedStoreOptions();
        if (options.Path == new EmbeddedStoreOptions().Path)
        {
            options.Path = DatabasePath;
        }

        var store = new SqliteTelemetryStore(Options.Create(options), Time, NullLogger<SqliteTelemetryStore>.Instance, metrics);
        stores.Add(store);
        return store;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }

        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
