using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using WorkOrders.IntegrationTests.Support;
using WorkOrders.Testing;

namespace WorkOrders.IntegrationTests.Hosting;

/// <summary>
/// The built API (<c>WorkOrders.Api.dll</c>, copied next to the tests through the project reference) as a real child
/// process, configured by command-line arguments, with its output kept. Killed on dispose if it is still running.
/// </summary>
public sealed class ApiProcess : IDisposable
{
    private const int SigTerm = 15;
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TestFolder _folder = new();
    private bool _disposed;

    private ApiProcess(IReadOnlyDictionary<string, string> settings)
    {
        Port = FreePort.Next();
        var startInfo = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = _folder.Path,
        };
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        startInfo.Environment["DOTNET_ENVIRONMENT"] = "Production";
        startInfo.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "WorkOrders.Api.dll"));
        startInfo.ArgumentList.Add("--urls");
        startInfo.ArgumentList.Add(BaseAddress.ToString());
        var defaults = new Dictionary<string, string>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Maintenance"] = $"Data Source={_folder.File("workorders.db")}",
            ["TimeSeries:Provider"] = "Embedded",
            ["TimeSeries:Embedded:Path"] = _folder.File("telemetry.db"),
            ["Cluster:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Cluster:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Cluster:ClusterId"] = $"it-{Guid.NewGuid():N}",
        };
        foreach (var (key, value) in defaults.Concat(settings))
        {
            startInfo.ArgumentList.Add($"--{key}={value}");
        }

        _process = new Process { StartInfo = startInfo };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.StandardInput.Close();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}");

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static ApiProcess Start(IReadOnlyDictionary<string, string> settings) => new(settings);

    /// <summary>SIGTERM, as systemd, Kubernetes or <c>docker stop</c> send it.</summary>
    public void Terminate()
    {
        if (Kill(_process.Id, SigTerm) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, SIGTERM) failed with errno {Marshal.GetLastWin32Error()}.");
        }
    }

    /// <summary>Returns once the process exited and its output was read to the end (call after it exited).</summary>
    public void DrainOutput() => _process.WaitForExit();

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }
        }
        finally
        {
            _process.Dispose();
            _folder.Dispose();
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int processId, int signal);
}
