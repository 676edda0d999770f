using System.Diagnostics;

namespace WorkOrders.Testing;

/// <summary>A short-lived helper command (initdb, pg_ctl, chown) run to completion with its output captured.</summary>
internal static class Command
{
    public static async Task<CommandResult> RunAsync(
        string fileName, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var process = Start(fileName, arguments);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{Describe(fileName, arguments)}' did not finish within {timeout.TotalSeconds:0} s.");
        }

        var output = (await stdout.ConfigureAwait(false)) + (await stderr.ConfigureAwait(false));
        return new CommandResult(Describe(fileName, arguments), process.ExitCode, output.Trim());
    }

    /// <summary>Synchronous, for the test host's exit handler.</summary>
    public static void RunQuietly(string fileName, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        using var process = Start(fileName, arguments);
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
        }
    }

    private static Process Start(string fileName, IReadOnlyList<string> arguments)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start '{fileName}'.");
        process.StandardInput.Close();
        return process;
    }

    private static string Describe(string fileName, IReadOnlyList<string> arguments) =>
        string.Join(' ', arguments.Prepend(fileName));
}

internal sealed record CommandResult(string CommandLine, int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;

    public CommandResult EnsureSuccess(string what) => Succeeded
        ? this
        : throw new InvalidOperationException(
            $"{what} failed: '{CommandLine}' exited with code {ExitCode}:{Environment.NewLine}{Output}");
}
