using System.CommandLine;

namespace WorkOrders.Cli.Rul;

/// <summary><c>pdm rul train --input TRAIN.csv --model MODEL.zip</c> and <c>pdm rul predict --model MODEL.zip --input TEST.csv --output PRED.csv</c>.</summary>
public static class RulCommand
{
    public static Command Create(CliConsole console)
    {
        var runner = new RulRunner(console);

        var trainInput = new Option<FileInfo>("--input") { Description = "Run-to-failure histories: unit,cycle,<features>", Required = true };
        var trainModel = new Option<FileInfo>("--model") { Description = "Model zip to write", Required = true };
        var train = new Command("train", "Train a FastTree remaining-useful-life model") { trainInput, trainModel };
        train.SetAction((parse, cancellationToken) =>
            runner.TrainAsync(parse.GetValue(trainInput)!.FullName, parse.GetValue(trainModel)!.FullName, cancellationToken));

        var predictModel = new Option<FileInfo>("--model") { Description = "Model zip from 'rul train'", Required = true };
        var predictInput = new Option<FileInfo>("--input") { Description = "Histories cut before failure: unit,cycle,<features>", Required = true };
        var predictOutput = new Option<FileInfo>("--output") { Description = "CSV written with unit,rul", Required = true };
        var predict = new Command("predict", "Predict the remaining cycles after each unit's last row") { predictModel, predictInput, predictOutput };
        predict.SetAction((parse, cancellationToken) => runner.PredictAsync(
            parse.GetValue(predictModel)!.FullName, parse.GetValue(predictInput)!.FullName, parse.GetValue(predictOutput)!.FullName, cancellationToken));

        return new Command("rul", "Remaining useful life: train on run-to-failure data, predict on running units") { train, predict };
    }
}
