using System.Globalization;
using System.Text;

namespace WorkOrders.Cli.Tests;

public sealed class RulCommandTests
{
    private static string Histories(int units, int seed, bool cut)
    {
        var text = new StringBuilder("unit,cycle,setting1,s1,s2,s3\n");
        for (var u = 1; u <= units; u++)
        {
            var random = new Random(seed * 100 + u);
            var life = random.Next(100, 180);
            var last = cut ? random.Next(30, life - 5) : life;
            for (var c = 1; c <= last; c++)
            {
                var wear = Math.Exp(2.5 * c / life) - 1;
                text.Append(CultureInfo.InvariantCulture,
                    $"{u},{c},100,{500 + wear + random.NextDouble() * 0.5:0.###},{20 - 0.3 * wear + random.NextDouble() * 0.2:0.###},{random.NextDouble():0.###}\n");
            }
        }

        return text.ToString();
    }

    [Fact]
    public async Task TrainThenPredict_WritesOneRulPerUnit()
    {
        using var work = new Workspace();
        var train = work.Write("train.csv", Histories(24, seed: 1, cut: false));
        var test = work.Write("test.csv", Histories(10, seed: 2, cut: true));

        var trained = await work.RunAsync("rul", "train", "--input", train, "--model", work.PathOf("model.zip"));
        var predicted = await work.RunAsync("rul", "predict", "--model", work.PathOf("model.zip"), "--input", test, "--output", work.PathOf("pred.csv"));

        Assert.True(trained.ExitCode == 0, trained.Error);
        Assert.True(predicted.ExitCode == 0, predicted.Error);
        var lines = File.ReadAllLines(work.PathOf("pred.csv"));
        Assert.Equal("unit,rul", lines[0]);
        Assert.Equal(Enumerable.Range(1, 10).Select(u => u.ToString(CultureInfo.InvariantCulture)), lines.Skip(1).Select(l => l.Split(',')[0]));
        Assert.All(lines.Skip(1), l => Assert.InRange(double.Parse(l.Split(',')[1], CultureInfo.InvariantCulture), 0, 125));
        Assert.Contains("held-out RMSE", trained.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unit,time,s1\n1,1,2\n", 1, 2, "cycle")]
    [InlineData("unit,cycle,s1\n1,1,2\n1,2,oops\n", 3, 3, "not a number")]
    [InlineData("unit,cycle,s1\n1,1,\n", 2, 3, "not a number")]
    [InlineData("unit,cycle\n1,1\n", 1, 3, "feature")]
    public async Task BadTrainingFile_EndsWithExitCode2_NamingFileLineAndColumn(string content, int line, int column, string problem)
    {
        using var work = new Workspace();
        var input = work.Write("train.csv", content);

        var (exitCode, _, error) = await work.RunAsync("rul", "train", "--input", input, "--model", work.PathOf("model.zip"));

        Assert.Equal(2, exitCode);
        Assert.Contains($"{input}:{line}:{column}:", error, StringComparison.Ordinal);
        Assert.Contains(problem, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PredictInputLackingAModelFeature_EndsWithExitCode2_NamingTheColumn()
    {
        using var work = new Workspace();
        var train = work.Write("train.csv", Histories(12, seed: 3, cut: false));
        await work.RunAsync("rul", "train", "--input", train, "--model", work.PathOf("model.zip"));
        var test = work.Write("test.csv", "unit,cycle,setting1,s1,s2\n1,1,100,500,20\n");

        var (exitCode, _, error) = await work.RunAsync("rul", "predict", "--model", work.PathOf("model.zip"), "--input", test, "--output", work.PathOf("pred.csv"));

        Assert.Equal(2, exitCode);
        Assert.Contains($"{test}:1:", error, StringComparison.Ordinal);
        Assert.Contains("'s3'", error, StringComparison.Ordinal);
    }
}
