using System.Globalization;
using System.Text;

namespace WorkOrders.Cli.Tests;

/// <summary>A fresh folder per test, and the pdm command line run in-process against it.</summary>
internal sealed class Workspace : IDisposable
{
    public Workspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "pdm-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public string Write(string relative, string content)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var error = new StringWriter(CultureInfo.InvariantCulture);
        var exitCode = await PdmApp.RunAsync(args, new CliConsole(error), output);
        return (exitCode, output.ToString(), error.ToString());
    }

    public static string Series(int rows, Func<int, string> value)
    {
        var text = new StringBuilder("timestamp,value\n");
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < rows; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{start.AddMinutes(5 * i):yyyy-MM-dd HH:mm:ss},{value(i)}\n");
        }

        return text.ToString();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not a test failure.
        }
    }
}
