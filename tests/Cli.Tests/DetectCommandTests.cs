using System.Globalization;

namespace WorkOrders.Cli.Tests;

public sealed class DetectCommandTests
{
    private static string Noise(int i) => (20 + Math.Sin(i * 12.9898) * 0.8).ToString("0.###", CultureInfo.InvariantCulture);

    [Fact]
    public async Task WritesTimestampValueAndScore_ForEveryInputRow()
    {
        using var work = new Workspace();
        var input = work.Write("in.csv", Workspace.Series(400, i => i == 300 ? "45" : Noise(i)));

        var (exitCode, output, _) = await work.RunAsync("detect", "--input", input, "--output", work.PathOf("out.csv"));

        var lines = File.ReadAllLines(work.PathOf("out.csv"));
        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Equal("timestamp,value,anomaly_score", lines[0]);
        Assert.Equal(401, lines.Length);
        Assert.Equal("2024-01-01 00:00:00,20,0", lines[1]);
        var scores = lines.Skip(1).Select(l => double.Parse(l.Split(',')[2], CultureInfo.InvariantCulture)).ToArray();
        Assert.All(scores, s => Assert.InRange(s, 0, 1));
        Assert.All(scores[..60], s => Assert.Equal(0, s));
        Assert.Equal(300, Array.IndexOf(scores, scores.Max()));
        Assert.True(scores[300] >= 0.9);
    }

    [Fact]
    public async Task ToleratesEmptyAndNaNCells_AsGaps()
    {
        using var work = new Workspace();
        var input = work.Write("gaps.csv", Workspace.Series(200, i => i % 17 == 0 ? "" : i % 23 == 0 ? "NaN" : Noise(i)));

        var (exitCode, _, error) = await work.RunAsync("detect", "--input", input, "--output", work.PathOf("out.csv"));

        Assert.True(exitCode == 0, error);
        Assert.Equal(201, File.ReadAllLines(work.PathOf("out.csv")).Length);
    }

    [Fact]
    public async Task ScoresEveryCsvBelowTheInputFolder_KeepingRelativePaths()
    {
        using var work = new Workspace();
        work.Write("in/a.csv", Workspace.Series(100, Noise));
        work.Write("in/machines/b.csv", Workspace.Series(120, Noise));
        work.Write("in/notes.txt", "not a series");

        var (exitCode, _, error) = await work.RunAsync("detect", "--input-dir", work.PathOf("in"), "--output-dir", work.PathOf("out"));

        Assert.True(exitCode == 0, error);
        Assert.Equal(101, File.ReadAllLines(work.PathOf("out/a.csv")).Length);
        Assert.Equal(121, File.ReadAllLines(work.PathOf("out/machines/b.csv")).Length);
        Assert.False(File.Exists(work.PathOf("out/notes.txt")));
    }

    [Theory]
    [InlineData("timestamp,value\n2024-01-01 00:00:00,1\n2024-01-01 00:05:00,abc\n", 3, 2, "abc")]
    [InlineData("timestamp,value\n2024-01-01 00:00:00,1\n2024-01-01 00:05:00\n", 3, 2, "missing value")]
    [InlineData("time,value\n2024-01-01 00:00:00,1\n", 1, 1, "timestamp")]
    [InlineData("timestamp\n2024-01-01 00:00:00\n", 1, 2, "numeric column")]
    [InlineData("timestamp,value\nyesterday,1\n", 2, 1, "not a timestamp")]
    [InlineData("", 1, 1, "empty")]
    [InlineData("timestamp,value\n", 2, 1, "no data rows")]
    [InlineData("timestamp,a,a\n2024-01-01 00:00:00,1,2\n", 1, 3, "appears twice")]
    public async Task BadInput_EndsWithExitCode2_NamingFileLineAndColumn(string content, int line, int column, string problem)
    {
        using var work = new Workspace();
        var input = work.Write("bad.csv", content);

        var (exitCode, _, error) = await work.RunAsync("detect", "--input", input, "--output", work.PathOf("out.csv"));

        Assert.Equal(2, exitCode);
        Assert.Contains($"{input}:{line}:{column}:", error, StringComparison.Ordinal);
        Assert.Contains(problem, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadFileInFolderMode_IsNamed_AndTheOthersAreStillScored()
    {
        using var work = new Workspace();
        work.Write("in/good.csv", Workspace.Series(50, Noise));
        var bad = work.Write("in/bad.csv", "timestamp,value\n2024-01-01 00:00:00,x\n");

        var (exitCode, _, error) = await work.RunAsync("detect", "--input-dir", work.PathOf("in"), "--output-dir", work.PathOf("out"));

        Assert.Equal(2, exitCode);
        Assert.Contains($"{bad}:2:2:", error, StringComparison.Ordinal);
        Assert.True(File.Exists(work.PathOf("out/good.csv")));
    }

    [Fact]
    public async Task MixingFileAndFolderOptions_IsAUsageError()
    {
        using var work = new Workspace();

        var (exitCode, _, _) = await work.RunAsync("detect", "--input", "a.csv", "--output-dir", work.PathOf("out"));

        Assert.Equal(1, exitCode);
    }
}
