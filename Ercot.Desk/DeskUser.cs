using Ercot.ServiceDefaults;

namespace Ercot.Desk;

/// <summary>
/// Who is looking, as the gateway says in the headers it alone sets (after removing any a client sent): the key's
/// name and scopes. Read-only pages need nothing more; admin actions need the admin scope.
/// </summary>
public sealed record DeskUser(string? Name, IReadOnlyList<string> Scopes)
{
    public const string AdminScope = "admin";

    public bool IsAdmin => Scopes.Contains(AdminScope, StringComparer.Ordinal);

    public static DeskUser Of(HttpContext? context)
    {
        var headers = context?.Request.Headers;
        var name = headers?[GatewayHeaders.Client].ToString();
        var scopes = headers?[GatewayHeaders.Scopes].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        return new DeskUser(string.IsNullOrEmpty(name) ? null : name, scopes);
    }
}
