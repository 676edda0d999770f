using System.IO.Compression;
using System.Text.Json;
using Microsoft.ML;

namespace WorkOrders.Prediction.Rul;

/// <summary>
/// A trained remaining-useful-life model. Saved as a zip: <c>manifest.json</c> (features, metrics, version),
/// <c>normalizer.json</c> (kept features and operating regimes) and <c>model.zip</c> (the ML.NET FastTree model).
/// </summary>
public sealed class RulModel
{
    private const string ManifestEntry = "manifest.json";
    private const string NormalizerEntry = "normalizer.json";
    private const string ModelEntry = "model.zip";

    private readonly MLContext ml;
    private readonly ITransformer model;
    private readonly RulFeatureSpace space;

    internal RulModel(MLContext ml, ITransformer model, RulFeatureSpace space, RulModelManifest manifest)
    {
        this.ml = ml;
        this.model = model;
        this.space = space;
        Manifest = manifest;
    }

    public RulModelManifest Manifest { get; }

    /// <summary>For each unit, the remaining cycles after its last row.</summary>
    public IReadOnlyList<RulPrediction> Predict(RulDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var columns = Manifest.FeatureNames.Select(name =>
        {
            var index = data.FeatureNames.ToList().IndexOf(name);
            return index >= 0 ? index : throw new ArgumentException($"The data lacks the feature '{name}' the model was trained on.", nameof(data));
        }).ToArray();

        var units = data.Units();
        var features = units.Select(u => space.Features(u, space.Normalize(u, columns), u.Rows.Count - 1));
        var predicted = RulScoring.Predict(ml, model, space.Size, features);
        return [.. units.Select((u, i) => Describe(u.Unit, predicted[i]))];
    }

    public void Save(Stream stream)
    {
        using var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        WriteJson(archive, ManifestEntry, s => JsonSerializer.Serialize(s, Manifest, RulJsonContext.Default.RulModelManifest));
        WriteJson(archive, NormalizerEntry, s => JsonSerializer.Serialize(s, space.Normalizer, RulJsonContext.Default.FeatureNormalizer));
        using var entry = archive.CreateEntry(ModelEntry, CompressionLevel.NoCompression).Open();
        var schema = ml.Data.LoadFromEnumerable(new List<FeatureVectorRow>(), FeatureVectorRow.Schema(space.Size)).Schema;
        ml.Model.Save(model, schema, entry);
    }

    public static RulModel Load(Stream stream)
    {
        using var archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        var manifest = ReadJson(archive, ManifestEntry, s => JsonSerializer.Deserialize(s, RulJsonContext.Default.RulModelManifest));
        if (manifest.FormatVersion != RulModelManifest.CurrentFormatVersion)
        {
            throw new InvalidDataException($"RUL model format {manifest.FormatVersion} is not supported (expected {RulModelManifest.CurrentFormatVersion}).");
        }

        var normalizer = ReadJson(archive, NormalizerEntry, s => JsonSerializer.Deserialize(s, RulJsonContext.Default.FeatureNormalizer));
        var ml = new MLContext(seed: 0);
        using var buffer = new MemoryStream();
        using (var entry = (archive.GetEntry(ModelEntry) ?? throw new InvalidDataException($"The RUL model archive lacks {ModelEntry}.")).Open())
        {
            entry.CopyTo(buffer);
        }

        buffer.Position = 0;
        var model = ml.Model.Load(buffer, out _);
        return new RulModel(ml, model, new RulFeatureSpace(normalizer, manifest.WindowCycles), manifest);
    }

    private RulPrediction Describe(string unit, float raw)
    {
        var rul = Math.Clamp(raw, 0, Manifest.RulCap);
        var band = Manifest.Bands.FirstOrDefault(b => rul <= b.UpTo) ?? Manifest.Bands[^1];
        var q = band.Quantiles;
        var below = q.Count(r => rul + r <= Manifest.Horizon);
        return new RulPrediction(unit, rul, Math.Max(0, rul + q[0]), Math.Max(0, rul + q[^1]), (double)below / q.Count);
    }

    private static void WriteJson(ZipArchive archive, string name, Action<Stream> write)
    {
        using var entry = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
        write(entry);
    }

    private static T ReadJson<T>(ZipArchive archive, string name, Func<Stream, T?> read)
        where T : class
    {
        var entry = archive.GetEntry(name) ?? throw new InvalidDataException($"The RUL model archive lacks {name}.");
        using var stream = entry.Open();
        return read(stream) ?? throw new InvalidDataException($"{name} in the RUL model archive is empty.");
    }
}
