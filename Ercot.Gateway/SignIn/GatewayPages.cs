namespace Ercot.Gateway.SignIn;

/// <summary>
/// The few pages the gateway draws itself (sign-in, sign-out, refusals): one self-contained HTML document each, no
/// script, styled inline, never framed and never cached.
/// </summary>
public static class GatewayPages
{
    public static async Task WriteAsync(HttpContext context, string title, string body)
    {
        var headers = context.Response.Headers;
        headers.ContentType = "text/html; charset=utf-8";
        headers.CacheControl = "no-store";
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";
        await context.Response.WriteAsync($$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{System.Net.WebUtility.HtmlEncode(title)}} · Ercot</title>
            <style>
              body { font-family: "Segoe UI", system-ui, sans-serif; background: #f5f5f5; color: #242424; margin: 0; }
              main { max-width: 28rem; margin: 10vh auto; background: #fff; padding: 2rem; border-radius: 8px; box-shadow: 0 2px 8px rgba(0,0,0,.12); }
              h1 { font-size: 1.4rem; margin-top: 0; }
              label { display: block; font-weight: 600; margin-bottom: .4rem; }
              input[type=password] { width: 100%; box-sizing: border-box; padding: .5rem; font-size: 1rem; border: 1px solid #8a8a8a; border-radius: 4px; }
              button { margin-top: 1rem; padding: .5rem 1.2rem; font-size: 1rem; background: #0f6cbd; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
              .error { color: #b10e1c; font-weight: 600; }
              .hint { color: #616161; font-size: .9rem; }
            </style>
            </head>
            <body><main>
            {{body}}
            </main></body>
            </html>
            """);
    }
}
