using System.Net;
using System.Text.RegularExpressions;
using Ercot.Core.Security;
using Ercot.Gateway.Auth;
using Ercot.Gateway.SignIn;
using Ercot.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Ercot.Tests.Gateway;

/// <summary>
/// The gateway's browser session on its own (no backends): what the cookie holds and how it is flagged, that the
/// configured lifetime applies, and that removing or replacing a key ends the sessions it started.
/// </summary>
public sealed partial class SessionTests : IDisposable
{
    private readonly TemporaryFolder _keyRing = new();
    private readonly string _key = ApiKeyHash.NewKey();

    [Fact]
    public async Task SigningIn_GivesAnHttpOnlyStrictSecureCookie_OfTheConfiguredLifetime_WithoutTheKey()
    {
        using var gateway = Gateway(("desk-reader", _key), lifetime: "00:30:00");
        using var http = Client(gateway);

        var cookie = await SignInAsync(http, _key);

        Assert.Matches("^ercot.session=", cookie);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        // The test server's caller has no loopback address: as behind an ingress, the cookie is Secure.
        Assert.Contains("secure", cookie.Split(';').Select(part => part.Trim().ToLowerInvariant()));
        var expires = DateTimeOffset.Parse(ExpiresOf().Match(cookie).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expires - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(29), TimeSpan.FromMinutes(31));
        Assert.DoesNotContain(_key, cookie, StringComparison.Ordinal);
        Assert.Contains("signed in with the key 'desk-reader'", await WhoAsync(http, cookie), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemovingOrReplacingTheKey_EndsItsSessions()
    {
        string cookie;
        using (var before = Gateway(("desk-reader", _key)))
        {
            cookie = await SignInAsync(Client(before), _key);
        }

        using var same = Gateway(("desk-reader", _key));
        using var removed = Gateway(("someone-else", ApiKeyHash.NewKey()));
        using var replaced = Gateway(("desk-reader", ApiKeyHash.NewKey()));

        Assert.Contains("signed in with the key 'desk-reader'", await WhoAsync(Client(same), cookie), StringComparison.Ordinal);
        Assert.Contains("not signed in", await WhoAsync(Client(removed), cookie), StringComparison.Ordinal);
        Assert.Contains("not signed in", await WhoAsync(Client(replaced), cookie), StringComparison.Ordinal);
        // A page asked for with the ended session goes back to the sign-in page.
        var page = new HttpRequestMessage(HttpMethod.Get, "/desk/");
        page.Headers.Add("Cookie", cookie);
        page.Headers.Add("Accept", "text/html");
        var answer = await Client(removed).SendAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.StartsWith("http://localhost/signin", answer.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongKey_OnTheSignInPage_IsRefusedWithoutACookie()
    {
        using var gateway = Gateway(("desk-reader", _key));
        using var http = Client(gateway);
        var (token, antiforgery) = await FormAsync(http);

        var answer = await http.SendAsync(SignInRequest(token, antiforgery, "wrong-" + _key));

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Contains("not one this gateway knows", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(answer.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], cookie => cookie.StartsWith("ercot.session=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASignInWithoutTheAntiforgeryToken_IsRefused()
    {
        using var gateway = Gateway(("desk-reader", _key));
        using var http = Client(gateway);

        var answer = await http.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = _key }));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.False(answer.Headers.Contains("Set-Cookie") && answer.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("ercot.session=", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("/desk/models", "/desk/models")]
    [InlineData("/hangfire", "/hangfire")]
    [InlineData("//evil.example/desk", SignInEndpoints.DefaultReturnUrl)]
    [InlineData("/\\evil.example", SignInEndpoints.DefaultReturnUrl)]
    [InlineData("https://evil.example/", SignInEndpoints.DefaultReturnUrl)]
    [InlineData("", SignInEndpoints.DefaultReturnUrl)]
    public void AfterSigningIn_OnlyAPathOnThisGateway_IsFollowed(string returnUrl, string expected) =>
        Assert.Equal(expected, SignInEndpoints.LocalOrDefault(returnUrl));

    [Fact]
    public void TheSessionCookie_StaysAtTheGateway_TheBackendsOwnCookiesGoOn() =>
        Assert.Equal("ercot.desk.antiforgery=abc; other=1",
            SessionCookies.WithoutSessionCookie("ercot.desk.antiforgery=abc; ercot.session=CfDJ8xyz; other=1"));

    private WebApplicationFactory<ApiKeyStore> Gateway((string Name, string Key) key, string? lifetime = null) =>
        new WebApplicationFactory<ApiKeyStore>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Gateway:ApiKeys:0:Name", key.Name);
            builder.UseSetting("Gateway:ApiKeys:0:Sha256", ApiKeyHash.ComputeHex(key.Key));
            builder.UseSetting("Gateway:ApiKeys:0:Scopes:0", ApiKeyScopes.Score);
            if (lifetime is not null)
            {
                builder.UseSetting("Gateway:SessionLifetime", lifetime);
            }
            // Every gateway of a test shares one key ring, as replicas do in Container Apps.
            builder.ConfigureTestServices(services => services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(_keyRing.Path)));
        });

    private static HttpClient Client(WebApplicationFactory<ApiKeyStore> gateway) =>
        gateway.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private static async Task<string> SignInAsync(HttpClient http, string key)
    {
        var (token, antiforgery) = await FormAsync(http);
        var answer = await http.SendAsync(SignInRequest(token, antiforgery, key));
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal("/desk/", answer.Headers.Location!.ToString());
        return answer.Headers.GetValues("Set-Cookie").Single(cookie => cookie.StartsWith("ercot.session=", StringComparison.Ordinal));
    }

    private static async Task<(string Token, string Cookie)> FormAsync(HttpClient http)
    {
        var form = await http.GetAsync("/signin");
        var token = TokenOf().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value;
        return (token, form.Headers.GetValues("Set-Cookie").Single(cookie => cookie.StartsWith("ercot.gateway.antiforgery=", StringComparison.Ordinal)).Split(';')[0]);
    }

    private static HttpRequestMessage SignInRequest(string token, string antiforgeryCookie, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["key"] = key, ["returnUrl"] = "/desk/" }),
        };
        request.Headers.Add("Cookie", antiforgeryCookie);
        return request;
    }

    /// <summary>The sign-out page says whose session the cookie holds, if any.</summary>
    private static async Task<string> WhoAsync(HttpClient http, string setCookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/signout");
        request.Headers.Add("Cookie", setCookie.Split(';')[0]);
        return await (await http.SendAsync(request)).Content.ReadAsStringAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenOf();

    [GeneratedRegex("expires=([^;]+)", RegexOptions.IgnoreCase)]
    private static partial Regex ExpiresOf();

    public void Dispose() => _keyRing.Dispose();
}
