using System.Diagnostics;

namespace WorkOrders.Testing;

/// <summary>
/// A tiny watchdog shell in its own session: when the test host dies without running its exit handlers
/// (SIGKILL, a crash), it runs the clean-up script, so no server outlives the test run.
/// Disposed (killed) when the fixture cleans up normally.
/// </summary>
internal sealed class OrphanGuard : IDisposable
{
    private readonly Process watchdog;

    private OrphanGuard(Process watchdog) => this.watchdog = watchdog;

    public static OrphanGuard Start(string cleanupScript)
    {
        var script =
            $"trap '' HUP INT TERM; while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; {cleanupScript}";
        var setsid = File.Exists("/usr/bin/setsid") ? "/usr/bin/setsid" : null;
        var startInfo = new ProcessStartInfo(setsid ?? "/bin/sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        if (setsid is not null)
        {
            startInfo.ArgumentList.Add("/bin/sh");
        }

        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add(script);
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start /bin/sh.");
        process.StandardInput.Close();
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new OrphanGuard(process);
    }

    /// <summary>Quotes a value for the clean-up script.</summary>
    public static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    public void Dispose()
    {
        try
        {
            if (!watchdog.HasExited)
            {
                watchdog.Kill(entireProcessTree: true);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }

        watchdog.Dispose();
    }
}
