using System.Globalization;
using System.Text;
using WorkOrders.Cli.Csv;
using WorkOrders.Prediction.Rul;

namespace WorkOrders.Cli.Rul;

public sealed class RulRunner(CliConsole console)
{
    public async Task<int> TrainAsync(string input, string modelPath, CancellationToken cancellationToken)
    {
        RulDataset data;
        try
        {
            data = RulCsv.ToDataset(await CsvReader.ReadAsync(input, cancellationToken));
        }
        catch (CsvFormatException ex)
        {
            await console.Error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.BadInput;
        }

        RulModel model;
        try
        {
            model = console.WithProgress("rul train", 3, progress =>
            {
                var step = 0;
                var messages = new Progress<string>(message =>
                {
                    progress.Report(step++);
                    console.Error.WriteLine(message);
                });
                return new RulTrainer(new RulTrainingOptions()).Train(data, messages, cancellationToken);
            });
        }
        catch (InvalidOperationException ex)
        {
            await console.Error.WriteLineAsync($"error: {input}:2:1: {ex.Message}");
            return ExitCodes.BadInput;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(modelPath))!);
        await using (var file = File.Create(modelPath))
        {
            model.Save(file);
        }

        var m = model.Manifest.Metrics;
        await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"trained on {data.Rows.Count} rows of {m.TrainingUnits + m.HoldoutUnits} units, {model.Manifest.UsedFeatures.Count} of {data.FeatureNames.Count} features used, {model.Manifest.OperatingRegimes} operating regime(s); held-out RMSE {m.HoldoutRmse:0.00} (constant-mean baseline {m.BaselineRmse:0.00}), random-cut RMSE {m.HoldoutLastWindowRmse:0.00}"));
        return ExitCodes.Success;
    }

    public async Task<int> PredictAsync(string modelPath, string input, string output, CancellationToken cancellationToken)
    {
        RulModel model;
        try
        {
            await using var file = File.OpenRead(modelPath);
            model = RulModel.Load(file);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            await console.Error.WriteLineAsync($"error: {modelPath}:0:0: not a usable RUL model ({ex.Message})");
            return ExitCodes.BadInput;
        }

        IReadOnlyList<RulPrediction> predictions;
        try
        {
            var document = await CsvReader.ReadAsync(input, cancellationToken);
            var data = RulCsv.ToDataset(document);
            var missing = model.Manifest.FeatureNames.FirstOrDefault(f => !data.FeatureNames.Contains(f));
            if (missing is not null)
            {
                throw new CsvFormatException(input, 1, document.Header.Count + 1, $"missing column '{missing}' that the model was trained on");
            }

            predictions = console.WithProgress("rul predict", 1, _ => model.Predict(data));
        }
        catch (CsvFormatException ex)
        {
            await console.Error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.BadInput;
        }

        var text = new StringBuilder("unit,rul\n");
        foreach (var p in predictions)
        {
            text.Append(p.Unit).Append(',').Append(p.Rul.ToString("0.##", CultureInfo.InvariantCulture)).Append('\n');
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        await File.WriteAllTextAsync(output, text.ToString(), cancellationToken);
        return ExitCodes.Success;
    }
}
