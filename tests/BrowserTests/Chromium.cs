using Microsoft.Playwright;

namespace WorkOrders.BrowserTests;

/// <summary>
/// Debian's chromium (package <c>chromium</c>, installed by test.sh) driven by Microsoft.Playwright's bundled driver:
/// nothing is downloaded, <c>playwright install</c> is never needed.
/// </summary>
public static class Chromium
{
    public const string DefaultPath = "/usr/bin/chromium";

    /// <summary><c>CHROMIUM_PATH</c> overrides the executable (a developer's machine without Debian's package).</summary>
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : DefaultPath;

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"No chromium at {ExecutablePath}: install Debian's package `chromium` (test.sh does) or set CHROMIUM_PATH.");
        }

        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }
}
