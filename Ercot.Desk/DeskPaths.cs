namespace Ercot.Desk;

/// <summary>The desk lives under /desk/ at the gateway, and answers there when reached directly too.</summary>
public static class DeskPaths
{
    public const string Base = "/desk";

    public const string BaseHref = Base + "/";
}
