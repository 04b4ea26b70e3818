using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.Testing;
using Ercot.Core.Models;
using Ercot.Core.Storage;
using Ercot.Models;
using Ercot.Models.Backtesting;
using Ercot.Models.Registry;
using Ercot.Tests.Training;
using Ercot.Training.Backtests;
using Ercot.Training.Runs;
using Ercot.ServiceDefaults;
using Ercot.Tests.AppHost;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Ercot.Tests.Desk;

/// <summary>
/// The desk as a person uses it, in a real Chromium, through the real gateway of the whole application: signing in
/// with a pasted key, the pages each scope may see, the charts drawn, and the security a cookie session needs.
/// </summary>
[Collection(WholeAppCollection.Name)]
public sealed class DeskBrowserTests(WholeAppFixture app, ITestOutputHelper output)
{
    // The fixture's features and champions cover June 2024; the pages are asked for one of its days.
    private const string Day = "2024-06-28";

    private Uri Gateway => app.App.GetEndpoint(ResourceNames.Gateway, "http");

    [SkippableFact(Timeout = 180_000)]
    public async Task AWrongKey_IsRefusedOnThePage_AndSetsNoCookie()
    {
        Skip.If(Browser.ExecutablePath is null, Browser.SkipReason);
        await using var browser = await Browser.LaunchAsync();
        var context = await browser.Chromium.NewContextAsync(new() { BaseURL = Gateway.ToString() });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/desk/");
        Assert.EndsWith("/signin?returnUrl=%2Fdesk%2F", page.Url, StringComparison.Ordinal);
        await page.FillAsync("#key", "not-a-key-" + Guid.NewGuid());
        await page.ClickAsync("button[type=submit]");

        Assert.Contains("not one this gateway knows", await page.InnerTextAsync("#signin-error"), StringComparison.Ordinal);
        Assert.DoesNotContain(await context.CookiesAsync(), cookie => cookie.Name == "ercot.session");
        await Browser.ScreenshotAsync(page, "signin-refused");
    }

    [SkippableFact(Timeout = 180_000)]
    public async Task AScoreKey_SeesTheDesk_ButNotHangfireNorTheRollback()
    {
        Skip.If(Browser.ExecutablePath is null, Browser.SkipReason);
        await using var browser = await Browser.LaunchAsync();
        var (context, page) = await SignInAsync(browser, app.ScoreKey, $"/desk/?date={Day}");

        Assert.Contains("Operating day Friday 28 June 2024", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        var cookie = Assert.Single(await context.CookiesAsync(), cookie => cookie.Name == "ercot.session");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.False(cookie.Secure, "on loopback the session cookie is not Secure (the local gateway serves plain HTTP)");
        Assert.True(cookie.Expires > DateTimeOffset.UtcNow.AddHours(7.9).ToUnixTimeSeconds(), "expires after the default 8 hours");
        Assert.DoesNotContain(app.ScoreKey, cookie.Value, StringComparison.Ordinal);
        Assert.DoesNotContain(app.ScoreKey, await page.ContentAsync(), StringComparison.Ordinal);

        // The API reference opens in the plain browser too, the session standing in for the header.
        var scalar = await page.GotoAsync("/scalar/");
        Assert.Equal((int)HttpStatusCode.OK, scalar!.Status);
        var document = await page.APIRequest.GetAsync("/openapi/v1.json");
        Assert.Equal((int)HttpStatusCode.OK, document.Status);

        var hangfire = await page.GotoAsync("/hangfire");
        Assert.Equal((int)HttpStatusCode.Forbidden, hangfire!.Status);
        Assert.Contains("requires [admin]", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await Browser.ScreenshotAsync(page, "hangfire-refused");

        await page.GotoAsync("/desk/models");
        Assert.Equal(0, await page.Locator("#rollback").CountAsync());
        Assert.Equal(0, await page.Locator("header a[href='/hangfire']").CountAsync());
        Assert.True(await page.Locator("#versions tbody tr").CountAsync() >= 3, "every model's versions are listed");

        // A day without features says how to build them; only admin keys get the button.
        await page.GotoAsync("/desk/?date=2024-07-20");
        Assert.Contains("/features/builds", await page.InnerTextAsync("#no-forecast"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#no-forecast form").CountAsync());

        // Signing out ends the session: the desk asks for a key again.
        await page.GotoAsync("/signout");
        await page.ClickAsync("button[type=submit]");
        Assert.Contains("/signin", page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name == "ercot.session");
        await page.GotoAsync("/desk/jobs");
        Assert.Contains("/signin", page.Url, StringComparison.Ordinal);
    }

    [SkippableFact(Timeout = 300_000)]
    public async Task TheTomorrowPage_DrawsEveryModelAndTheBand_ForEachPoint()
    {
        Skip.If(Browser.ExecutablePath is null, Browser.SkipReason);
        await using var browser = await Browser.LaunchAsync();
        // Timed twice from pressing "Sign in" to every chart drawn: a first visit (services and browser cold) and
        // a second in a fresh browser context, as a trader's next morning would be. Reported, not asserted: speed is
        // for benchmarks, and this machine is noisy.
        var first = await SignInToTomorrowAsync(browser);
        var (page, seconds, server) = await SignInToTomorrowAsync(browser);
        var requested = await page.EvaluateAsync<string[]>("() => performance.getEntriesByType('resource').map(r => r.name)");
        Assert.NotEmpty(requested);
        // Every script, style and font came from the gateway itself: nothing from a CDN.
        Assert.All(requested, url => Assert.StartsWith(Gateway.GetLeftPart(UriPartial.Authority), url, StringComparison.Ordinal));
        output.WriteLine($"Tomorrow page after sign-in: first {first.Seconds:F2} s (page served in {first.ServerSeconds:F2} s), again {seconds:F2} s (served in {server:F2} s)");
        await File.AppendAllTextAsync(Path.Combine(Browser.ScreenshotFolder, "desk-timings.txt"),
            $"{DateTime.UtcNow:O} tomorrow-after-signin first {first.Seconds:F3} s (served {first.ServerSeconds:F3} s), again {seconds:F3} s (served {server:F3} s)\n");
        var charts = page.Locator(".chart-plot");

        var points = await page.Locator("section.point").EvaluateAllAsync<string[]>("sections => sections.map(s => s.dataset.point)");
        Assert.Equal(2, points.Length);
        Assert.Equal(points.Length, await charts.CountAsync());
        var chart = $"document.getElementById('chart-{points[0]}')._chart";
        var names = await page.EvaluateAsync<string[]>($"() => {chart}.series.slice(1).map(s => s.label)");
        Assert.Equal(["p90", "p10", "ensemble", "deep", "lightgbm", "xgboost"], names);
        // The band is drawn between p10 and p90; each of the day's 24 hours has a value on every series.
        var band = await page.EvaluateAsync<int[]>($"() => {chart}.bands[0].series");
        Assert.Equal([1, 2], band);
        Assert.All(await page.EvaluateAsync<int[]>($"() => {chart}.data.slice(1).map(values => values.filter(v => v !== null).length)"), count => Assert.Equal(24, count));
        var axes = await page.EvaluateAsync<string[]>($"() => {chart}.axes.map(a => a.label)");
        Assert.Equal(["Hour ending (Central time)", "DART ($/MWh)"], axes);
        Assert.Equal(10, await page.Locator("#feeds tbody tr").CountAsync());
        // The fixture's simulated feeds end in July 2024: every one is stale, and says so in words, not only in red.
        Assert.Equal(10, await page.Locator("#feeds tbody tr.stale").CountAsync());
        Assert.Contains("STALE", await page.InnerTextAsync("#feeds tbody tr:first-child"), StringComparison.Ordinal);
        await Browser.ScreenshotAsync(page, "tomorrow");
    }

    [SkippableFact(Timeout = 600_000)]
    public async Task AnAdminKey_OpensHangfire_RollsBackWithConfirmation_AndABacktestPageDrawsItsCharts()
    {
        Skip.If(Browser.ExecutablePath is null, Browser.SkipReason);
        // The fixture's six weeks of sources are too short for a walk-forward (a quarter to validate on), so a real
        // backtest of a booster on 200 days of synthetic DART runs here, into the application's store, with the
        // status the Training service keeps beside it.
        var id = $"{DateTime.UtcNow:yyyyMMddTHHmmss}-{Guid.NewGuid().ToString("N")[..8]}";
        var store = new LocalArtifactStore(app.ArtifactRoot);
        var start = new DateOnly(2024, 1, 1);
        var request = new BacktestRequest(start, start.AddDays(120), start.AddDays(133), ["lightgbm"], RefitEvery.Week);
        var requestedAt = DateTimeOffset.UtcNow;
        var report = await new BacktestRunner(new FeatureStoreReader(store), store).RunAsync(id, request, SyntheticDart.Create(200 * 48, seed: 5, start));
        await new BacktestJobStore(store).SaveAsync(new BacktestJobStatus(id, TrainingRunState.Succeeded, request, requestedAt, requestedAt, DateTimeOffset.UtcNow,
            Result: BacktestSummary.Of(report)));

        await using var browser = await Browser.LaunchAsync();
        var (_, page) = await SignInAsync(browser, app.AdminKey, "/hangfire");
        Assert.Contains("Ercot jobs", await page.TitleAsync(), StringComparison.Ordinal);
        await Browser.ScreenshotAsync(page, "hangfire");
        // The dashboard's own forms still work: its script sends the antiforgery token with "Trigger now".
        await page.GotoAsync("/hangfire/recurring");
        await page.CheckAsync("input.js-jobs-list-checkbox[value='build-features']");
        // The dashboard reloads the page once the trigger has answered; the next step waits for that reload.
        var reloaded = page.WaitForRequestFinishedAsync(new() { Predicate = request => request.IsNavigationRequest && request.Url.EndsWith("/hangfire/recurring", StringComparison.Ordinal) });
        var triggered = await page.RunAndWaitForResponseAsync(
            () => page.ClickAsync("button.js-jobs-list-command[data-url$='/recurring/trigger']"),
            response => response.Url.EndsWith("/recurring/trigger", StringComparison.Ordinal));
        Assert.True(triggered.Ok, $"Trigger now answered {triggered.Status}");
        await reloaded;

        await page.GotoAsync($"/desk/backtests/{id}");
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.chart-plot')].every(e => e.dataset.drawn === 'true')");
        var charts = await page.Locator(".chart-plot").EvaluateAllAsync<string[]>("charts => charts.map(c => c.id)");
        Assert.Equal(["chart-actual", "chart-pnl", "chart-hour", "chart-month", "chart-coverage"], charts);
        var pnl = await page.EvaluateAsync<string[]>("() => document.getElementById('chart-pnl')._chart.series.slice(1).map(s => s.label)");
        Assert.Equal(["ensemble bids", "always INC"], pnl);
        Assert.True(await page.Locator("#trading tbody tr").CountAsync() >= 3);
        await Browser.ScreenshotAsync(page, "backtest");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a[href$='predictions.csv']"));
        var csv = await File.ReadAllLinesAsync((await download.PathAsync())!);
        Assert.StartsWith("fold,settlement_point,delivery_hour_utc", csv[0], StringComparison.Ordinal);
        Assert.Equal(report.Rows + 1, csv.Length);

        // The Tomorrow page now suggests bids by the θ that backtest chose on validation.
        await page.GotoAsync($"/desk/?date={Day}");
        Assert.Contains(id, await page.InnerTextAsync("#bids-title + p"), StringComparison.Ordinal);

        // A rollback needs its confirmation; afterwards the previous champion serves again.
        var registry = new ModelRegistry(new LocalArtifactStore(app.ArtifactRoot));
        var current = (await registry.ReadChampionsAsync()).Models["lightgbm"];
        await PublishCopyAsync(registry, current.Version);
        await page.GotoAsync("/desk/models");
        Assert.False(await page.IsVisibleAsync("#confirm-rollback"), "the confirm button is hidden until the rollback is opened");
        await page.ClickAsync("#rollback summary");
        await Browser.ScreenshotAsync(page, "models");
        await page.ClickAsync("#confirm-rollback");
        Assert.Contains("Rolled back", await page.InnerTextAsync("#rollback-message"), StringComparison.Ordinal);
        Assert.Equal(current.Version, (await registry.ReadChampionsAsync()).Models["lightgbm"].Version);

        await page.GotoAsync("/desk/jobs");
        Assert.True(await page.Locator("#backtest-jobs tbody tr").CountAsync() >= 1);
        await Browser.ScreenshotAsync(page, "jobs");
    }

    [Fact(Timeout = 120_000)]
    public async Task APostWithoutTheAntiforgeryToken_IsRefused_ByTheDeskAndByHangfire()
    {
        using var admin = app.Gateway(app.AdminKey);
        var registry = new ModelRegistry(new LocalArtifactStore(app.ArtifactRoot));
        var before = await registry.ReadChampionsAsync();

        // What a forged form would send: the right fields, no token.
        var rollback = await admin.PostAsync("/desk/models", new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "rollback" }));
        var trigger = await admin.PostAsync("/hangfire/recurring/trigger", new FormUrlEncodedContent(new Dictionary<string, string> { ["jobs[]"] = "build-features" }));

        Assert.Equal(HttpStatusCode.BadRequest, rollback.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, trigger.StatusCode);
        Assert.True(before.SameVersionsAs(await registry.ReadChampionsAsync()), "nothing was rolled back");
        // The dashboard's own pages carry the token its forms send.
        var dashboard = await admin.GetStringAsync("/hangfire/recurring");
        Assert.Contains("csrf-token", dashboard, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task TheKey_NeverAppearsInTheGatewaysLog()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = Gateway };
        var form = await http.GetStringAsync("/signin");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);

        foreach (var key in new[] { app.ScoreKey, "wrong-" + app.ScoreKey })
        {
            var signIn = new HttpRequestMessage(HttpMethod.Post, "/signin")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["key"] = key, ["returnUrl"] = "/desk/" }),
            };
            signIn.Headers.Add("Cookie", string.Join("; ", (await http.GetAsync("/signin")).Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
            await http.SendAsync(signIn);
        }
        await Task.Delay(1000);

        var gateway = app.ConsoleOf(ResourceNames.Gateway);
        Assert.Contains(gateway, line => line.Contains("Signed in the key trading-desk", StringComparison.Ordinal));
        Assert.DoesNotContain(gateway, line => line.Contains(app.ScoreKey, StringComparison.Ordinal));
    }

    /// <summary>Signs in with the score key on a new context; seconds until every chart is drawn, and until the page itself arrived.</summary>
    private async Task<(IPage Page, double Seconds, double ServerSeconds)> SignInToTomorrowAsync(Browser browser)
    {
        var context = await browser.Chromium.NewContextAsync(new() { BaseURL = Gateway.ToString(), ViewportSize = new() { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/signin?returnUrl=%2Fdesk%2F%3Fdate%3D{Day}");
        await page.FillAsync("#key", app.ScoreKey);
        var clock = Stopwatch.StartNew();
        await page.ClickAsync("button[type=submit]");
        await page.WaitForFunctionAsync("() => { const c = document.querySelectorAll('.chart-plot'); return c.length > 0 && [...c].every(e => e.dataset.drawn === 'true'); }");
        var seconds = clock.Elapsed.TotalSeconds;
        // The navigation's timing, from the sign-in POST through its redirect to the desk's last byte.
        var served = await page.EvaluateAsync<double>("() => { const n = performance.getEntriesByType('navigation')[0]; return (n.responseEnd - n.startTime) / 1000; }");
        return (page, seconds, served);
    }

    private async Task<(IBrowserContext Context, IPage Page)> SignInAsync(Browser browser, string key, string returnUrl)
    {
        var context = await browser.Chromium.NewContextAsync(new() { BaseURL = Gateway.ToString(), ViewportSize = new() { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/signin?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.FillAsync("#key", key);
        await page.ClickAsync("button[type=submit]");
        return (context, page);
    }

    private static async Task PublishCopyAsync(ModelRegistry registry, string version)
    {
        var metadata = (await registry.ReadMetadataAsync("lightgbm", version))!;
        var bytes = new MemoryStream();
        await using (var file = (await registry.OpenModelFileAsync(metadata))!)
        {
            await file.CopyToAsync(bytes);
        }
        await registry.PublishAsync(metadata with { Version = ModelRegistry.NewVersion(DateTimeOffset.UtcNow), Role = ModelRole.Champion, RoleReason = "desk rollback test" },
            () => new MemoryStream(bytes.ToArray()));
    }
}
