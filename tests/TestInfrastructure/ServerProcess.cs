using System.ComponentModel;
using System.Diagnostics;

namespace WorkOrders.Testing;

/// <summary>A server started as a child of the test host: output kept for error messages, killed on dispose and at exit.</summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process process;
    private readonly OutputTail output = new();
    private readonly IDisposable atExit;

    private ServerProcess(ProcessStartInfo startInfo)
    {
        process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        atExit = ProcessJanitor.Register(Kill);
    }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public string Output => output.ToString();

    /// <summary>
    /// Once the process has exited, waits (at most <paramref name="limit"/>) until the rest of its output has been read:
    /// the readers may still hold its last lines (the reason it exited) when <see cref="HasExited"/> turns true.
    /// </summary>
    public async Task DrainOutputAsync(TimeSpan limit)
    {
        try
        {
            // The parameterless WaitForExit also waits for the redirected streams to reach their end.
            await Task.Run(() => process.WaitForExit()).WaitAsync(limit).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // A child that inherited the pipes keeps them open: describe what has been read.
        }
    }

    public string Describe() => HasExited
        ? $"exited with code {process.ExitCode}; its output:{Environment.NewLine}{Output}"
        : $"still running; its output so far:{Environment.NewLine}{Output}";

    public static ServerProcess Start(string fileName, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        return new ServerProcess(startInfo);
    }

    /// <summary>SIGTERM, so the server can save its state; SIGKILL to the whole tree after <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace, CancellationToken cancellationToken)
    {
        if (process.HasExited)
        {
            return;
        }

        Signals.Terminate(process.Id);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(grace);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Kill();
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    public void Kill()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception)
        {
            // Already gone.
        }
    }

    public void Dispose()
    {
        Kill();
        atExit.Dispose();
        process.Dispose();
    }
}
