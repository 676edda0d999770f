namespace WorkOrders.Testing;

/// <summary>Finds a server binary from a Debian package, or fails with the package to install.</summary>
internal static class LocalBinary
{
    public static string Find(string name, string debianPackage, params string[] extraDirectories)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        var directories = path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(extraDirectories)
            .Concat(["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"]);
        foreach (var directory in directories)
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw MissingPackage($"'{name}' was not found on PATH or in /usr/sbin, /usr/bin", debianPackage);
    }

    public static InvalidOperationException MissingPackage(string what, string debianPackage) => new(
        $"{what}. Install the Debian package '{debianPackage}': " +
        $"apt-get install -y --no-install-recommends {debianPackage} (./test.sh installs it), " +
        "or run where a Docker engine answers 'docker info'.");
}
