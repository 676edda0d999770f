using System.Globalization;
using System.Text;
using WorkOrders.Cli.Csv;
using WorkOrders.Prediction.Anomaly;

namespace WorkOrders.Cli.Detect;

public sealed class DetectRunner(CliConsole console, AnomalyDetectorOptions options)
{
    public async Task<int> RunFileAsync(string input, string output, CancellationToken cancellationToken)
    {
        try
        {
            await ScoreFileAsync(input, output, cancellationToken);
            return ExitCodes.Success;
        }
        catch (CsvFormatException ex)
        {
            await console.Error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.BadInput;
        }
    }

    public async Task<int> RunFolderAsync(string inputDir, string outputDir, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(inputDir))
        {
            await console.Error.WriteLineAsync($"error: {inputDir}:0:0: folder not found");
            return ExitCodes.BadInput;
        }

        var files = Directory.GetFiles(inputDir, "*.csv", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            .ToArray();
        Array.Sort(files, StringComparer.Ordinal);
        var failures = 0;
        for (var i = 0; i < files.Length; i++)
        {
            var relative = Path.GetRelativePath(inputDir, files[i]);
            await console.Error.WriteLineAsync($"[{i + 1}/{files.Length}] {relative}");
            try
            {
                await ScoreFileAsync(files[i], Path.Combine(outputDir, relative), cancellationToken);
            }
            catch (CsvFormatException ex)
            {
                failures++;
                await console.Error.WriteLineAsync($"error: {ex.Message}");
            }
        }

        return failures == 0 ? ExitCodes.Success : ExitCodes.BadInput;
    }

    private async Task ScoreFileAsync(string input, string output, CancellationToken cancellationToken)
    {
        var series = SeriesFile.From(await CsvReader.ReadAsync(input, cancellationToken));
        var scores = console.WithProgress(
            $"detect {Path.GetFileName(input)}",
            series.Values.Length,
            progress => SeriesScorer.Score(series, options, new Progress<int>(r => progress.Report(r))));

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        var text = new StringBuilder(series.Values.Length * 40);
        text.Append("timestamp,value,anomaly_score\n");
        for (var r = 0; r < scores.Length; r++)
        {
            text.Append(Quote(series.TimestampText[r])).Append(',')
                .Append(series.FirstValueText[r]).Append(',')
                .Append(scores[r].ToString("0.######", CultureInfo.InvariantCulture)).Append('\n');
        }

        await File.WriteAllTextAsync(output, text.ToString(), cancellationToken);
    }

    private static string Quote(string field) =>
        field.Contains(',', StringComparison.Ordinal) || field.Contains('"', StringComparison.Ordinal)
            ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
            : field;
}
