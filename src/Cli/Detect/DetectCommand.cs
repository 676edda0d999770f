using System.CommandLine;
using WorkOrders.Cli.Csv;
using WorkOrders.Prediction.Anomaly;

namespace WorkOrders.Cli.Detect;

/// <summary><c>pdm detect --input IN.csv --output OUT.csv</c> or <c>--input-dir DIR --output-dir DIR</c>.</summary>
public static class DetectCommand
{
    public static Command Create(CliConsole console)
    {
        var input = new Option<FileInfo?>("--input") { Description = "CSV with a 'timestamp' column, then numeric columns" };
        var output = new Option<FileInfo?>("--output") { Description = "CSV written with timestamp,value,anomaly_score" };
        var inputDir = new Option<DirectoryInfo?>("--input-dir") { Description = "Score every *.csv below this folder" };
        var outputDir = new Option<DirectoryInfo?>("--output-dir") { Description = "Write results here, keeping relative paths" };
        var command = new Command("detect", "Score time series with the streaming anomaly detector (first 15% of rows learn only)")
        {
            input, output, inputDir, outputDir,
        };
        command.Validators.Add(result =>
        {
            var single = result.GetValue(input) is not null || result.GetValue(output) is not null;
            var folder = result.GetValue(inputDir) is not null || result.GetValue(outputDir) is not null;
            if (single == folder || (single && (result.GetValue(input) is null || result.GetValue(output) is null))
                || (folder && (result.GetValue(inputDir) is null || result.GetValue(outputDir) is null)))
            {
                result.AddError("Give either --input and --output, or --input-dir and --output-dir.");
            }
        });
        command.SetAction((parse, cancellationToken) =>
        {
            var runner = new DetectRunner(console, new AnomalyDetectorOptions());
            return parse.GetValue(input) is { } file
                ? runner.RunFileAsync(file.FullName, parse.GetValue(output)!.FullName, cancellationToken)
                : runner.RunFolderAsync(parse.GetValue(inputDir)!.FullName, parse.GetValue(outputDir)!.FullName, cancellationToken);
        });
        return command;
    }
}
