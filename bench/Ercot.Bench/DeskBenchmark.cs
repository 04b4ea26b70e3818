using System.Diagnostics;
using Microsoft.Playwright;

namespace Ercot.Bench;

/// <summary>
/// The desk's Tomorrow page in Debian's Chromium: seconds from pressing "Sign in" to every chart drawn, in a fresh
/// browser context each run (nothing cached), then reloads in the last context (scripts cached, as a trader's next
/// visit). Needs the running application (./run.sh) and a key.
/// </summary>
public static class DeskBenchmark
{
    public static async Task RunAsync(Uri gateway, string key, int runs, string? date)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
        var target = date is null ? "/desk/" : $"/desk/?date={date}";
        var signIns = new List<double>();
        var served = new List<double>();
        IPage? page = null;
        for (var run = 0; run < runs; run++)
        {
            var context = await browser.NewContextAsync(new() { BaseURL = gateway.ToString(), ViewportSize = new() { Width = 1400, Height = 1000 } });
            page = await context.NewPageAsync();
            await page.GotoAsync($"/signin?returnUrl={Uri.EscapeDataString(target)}");
            await page.FillAsync("#key", key);
            var clock = Stopwatch.StartNew();
            await page.ClickAsync("button[type=submit]");
            await ChartsDrawnAsync(page);
            signIns.Add(clock.Elapsed.TotalSeconds);
            served.Add(await page.EvaluateAsync<double>("() => { const n = performance.getEntriesByType('navigation')[0]; return (n.responseEnd - n.startTime) / 1000; }"));
            var marks = await page.EvaluateAsync<double[]>("""
                () => { const n = performance.getEntriesByType('navigation')[0]; const c = performance.getEntriesByName('ercot-chart-drawn');
                        return [n.responseStart / 1000, n.responseEnd / 1000, n.domContentLoadedEventEnd / 1000, c[0].startTime / 1000, c[c.length - 1].startTime / 1000]; }
                """);
            Console.WriteLine($"sign-in {run + 1}: every chart drawn after {signIns[^1]:F3} s; from the sign-in POST: page starts {marks[0]:F3} s, "
                + $"ends {marks[1]:F3} s, first chart {marks[3]:F3} s, last chart {marks[4]:F3} s, DOM ready {marks[2]:F3} s; {await page.Locator(".chart-plot").CountAsync()} charts");
            if (run == runs - 1)
            {
                foreach (var line in await page.EvaluateAsync<string[]>("() => performance.getEntriesByType('resource').map(r => `${r.name.replace(location.origin, '')}: ${(r.duration / 1000).toFixed(3)} s, ${r.transferSize} bytes`)"))
                {
                    Console.WriteLine($"  {line}");
                }
            }
        }
        // The README's picture of the page: what a trader sees first, at a laptop's size.
        var screenshot = Path.Combine(".tools", "desk-tomorrow.png");
        await page!.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot });
        Console.WriteLine($"screenshot: {screenshot}");
        var reloads = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var clock = Stopwatch.StartNew();
            await page.ReloadAsync();
            await ChartsDrawnAsync(page);
            reloads.Add(clock.Elapsed.TotalSeconds);
        }
        Console.WriteLine($"Tomorrow after sign-in, fresh browser: median {Median(signIns):F3} s (page served: median {Median(served):F3} s) over {runs} runs");
        Console.WriteLine($"Tomorrow reloaded, scripts cached:    median {Median(reloads):F3} s over {runs} runs ({string.Join(", ", reloads.Select(s => s.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)))})");
    }

    private static Task<IJSHandle> ChartsDrawnAsync(IPage page) => page.WaitForFunctionAsync(
        "() => { const c = document.querySelectorAll('.chart-plot'); return c.length > 0 && [...c].every(e => e.dataset.drawn === 'true'); }");

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
