using Microsoft.Playwright;

namespace Ercot.Tests.Desk;

/// <summary>
/// Debian's Chromium driven by Playwright (browser downloads are not reachable here, so the executable is given):
/// ./test.sh installs it and sets CHROMIUM_PATH. Screenshots go to .tools/test-results/ at the repository root.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    public const string PathVariable = "CHROMIUM_PATH";

    public static readonly string ScreenshotFolder =
        Path.GetFullPath(Path.Combine(Projects.Ercot_AppHost.ProjectPath, "..", ".tools", "test-results"));

    private readonly IPlaywright _playwright;

    private Browser(IPlaywright playwright, IBrowser chromium) => (_playwright, Chromium) = (playwright, chromium);

    public IBrowser Chromium { get; }

    public static string? ExecutablePath =>
        Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } path && File.Exists(path) ? path
        : File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium" : null;

    public static string SkipReason => $"Chromium is not installed: ./test.sh installs Debian's chromium (apt) and sets {PathVariable}.";

    public static async Task<Browser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // Tests run as root in CI, where Chromium's sandbox cannot start.
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
        return new Browser(playwright, chromium);
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"desk-{name}.png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        await Chromium.DisposeAsync();
        _playwright.Dispose();
    }
}
