using System.Diagnostics;

namespace WorkOrders.Testing;

/// <summary>
/// Whether the fixtures use Testcontainers: only when a Docker engine answers <c>docker info</c>.
/// WORKORDERS_TEST_SERVERS=local forces local binaries, =docker forces containers.
/// </summary>
internal static class DockerEngine
{
    private static readonly Lazy<bool> Available = new(Probe);

    public static bool IsAvailable => Available.Value;

    private static bool Probe()
    {
        switch (Environment.GetEnvironmentVariable("WORKORDERS_TEST_SERVERS")?.Trim().ToUpperInvariant())
        {
            case "LOCAL":
                return false;
            case "DOCKER":
                return true;
        }

        try
        {
            var info = new ProcessStartInfo("docker", "info")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            using var docker = Process.Start(info);
            if (docker is null)
            {
                return false;
            }

            docker.StandardInput.Close();
            _ = docker.StandardOutput.ReadToEndAsync();
            _ = docker.StandardError.ReadToEndAsync();
            if (!docker.WaitForExit(TimeSpan.FromSeconds(15)))
            {
                docker.Kill(entireProcessTree: true);
                return false;
            }

            return docker.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no docker CLI at all
        }
    }
}
