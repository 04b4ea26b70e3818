using Ercot.ServiceDefaults;
using Hangfire.Dashboard;

namespace Ercot.Features.Jobs;

/// <summary>
/// Opens the Hangfire dashboard only to requests the gateway forwarded for a key with the <c>admin</c>
/// scope. The gateway removes any such header a client sends and sets its own; the Features service
/// has no public endpoint, so the header cannot come from anywhere else.
/// </summary>
internal sealed class GatewayAdminDashboardFilter : IDashboardAuthorizationFilter
{
    public const string AdminScope = "admin";

    public bool Authorize(DashboardContext context) =>
        context.GetHttpContext().Request.Headers[GatewayHeaders.Scopes].ToString()
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Contains(AdminScope, StringComparer.Ordinal);
}
