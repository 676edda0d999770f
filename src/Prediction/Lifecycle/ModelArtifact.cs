using System.IO.Compression;
using System.Text.Json;
using WorkOrders.Prediction.Rul;

namespace WorkOrders.Prediction.Lifecycle;

/// <summary>
/// The bytes of a model version: a zip of <c>manifest.json</c>, <c>baseline.json</c> (the asset type's anomaly
/// baseline) and, when trained, <c>rul.zip</c> (a <see cref="RulModel"/> as it saves itself).
/// </summary>
public static class ModelArtifact
{
    private const string ManifestEntry = "manifest.json";
    private const string BaselineEntry = "baseline.json";
    private const string RulEntry = "rul.zip";

    public static byte[] Write(string assetType, ModelBundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var manifest = new ModelArtifactManifest(
                ModelArtifactManifest.CurrentFormatVersion, assetType, bundle.Baseline is not null, bundle.Rul is not null, bundle.RulCycle);
            Write(archive, ManifestEntry, JsonSerializer.SerializeToUtf8Bytes(manifest, LifecycleJsonContext.Default.ModelArtifactManifest));
            if (bundle.Baseline is { } baseline)
            {
                Write(archive, BaselineEntry, JsonSerializer.SerializeToUtf8Bytes(baseline, LifecycleJsonContext.Default.AssetTypeBaseline));
            }

            if (bundle.Rul is { } rul)
            {
                using var model = new MemoryStream();
                rul.Save(model);
                Write(archive, RulEntry, model.ToArray());
            }
        }

        return buffer.ToArray();
    }

    public static ModelBundle Read(byte[] artifact)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        using var archive = new ZipArchive(new MemoryStream(artifact), ZipArchiveMode.Read);
        var manifest = JsonSerializer.Deserialize(Bytes(archive, ManifestEntry) ?? throw new InvalidDataException($"The model artifact lacks {ManifestEntry}."),
            LifecycleJsonContext.Default.ModelArtifactManifest) ?? throw new InvalidDataException($"{ManifestEntry} is empty.");
        if (manifest.FormatVersion != ModelArtifactManifest.CurrentFormatVersion)
        {
            throw new InvalidDataException($"Model artifact format {manifest.FormatVersion} is not supported (expected {ModelArtifactManifest.CurrentFormatVersion}).");
        }

        var baseline = manifest.HasBaseline && Bytes(archive, BaselineEntry) is { } json
            ? JsonSerializer.Deserialize(json, LifecycleJsonContext.Default.AssetTypeBaseline)
            : null;
        RulModel? rul = null;
        if (manifest.HasRul && Bytes(archive, RulEntry) is { } zip)
        {
            using var model = new MemoryStream(zip);
            rul = RulModel.Load(model);
        }

        return new ModelBundle(baseline, rul, manifest.RulCycle);
    }

    private static void Write(ZipArchive archive, string name, byte[] bytes)
    {
        using var entry = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
        entry.Write(bytes);
    }

    private static byte[]? Bytes(ZipArchive archive, string name)
    {
        if (archive.GetEntry(name) is not { } entry)
        {
            return null;
        }

        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
