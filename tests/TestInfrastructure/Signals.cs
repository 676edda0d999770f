using System.Runtime.InteropServices;

namespace WorkOrders.Testing;

/// <summary>POSIX signals that <see cref="System.Diagnostics.Process"/> cannot send (it only kills).</summary>
internal static class Signals
{
    private const int SigTerm = 15;

    /// <summary>Asks a process to shut down cleanly (SIGTERM), as <c>docker stop</c> would.</summary>
    public static bool Terminate(int processId) => SendSignal(processId, SigTerm) == 0;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int processId, int signal);
}
