using System.Collections.Concurrent;

namespace WorkOrders.Testing;

/// <summary>Runs every registered clean-up when the test host exits, for fixtures that were never disposed.</summary>
internal static class ProcessJanitor
{
    private static readonly ConcurrentDictionary<Registration, Action> Cleanups = new();

    static ProcessJanitor() => AppDomain.CurrentDomain.ProcessExit += (_, _) => RunAll();

    public static IDisposable Register(Action cleanup)
    {
        var registration = new Registration();
        Cleanups[registration] = cleanup;
        return registration;
    }

    private static void RunAll()
    {
        foreach (var (registration, cleanup) in Cleanups)
        {
            if (!Cleanups.TryRemove(registration, out _))
            {
                continue;
            }

            try
            {
                cleanup();
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
            {
                // Best effort at exit: the orphan guard is the second line of defence.
            }
        }
    }

    private sealed class Registration : IDisposable
    {
        public void Dispose() => Cleanups.TryRemove(this, out _);
    }
}
