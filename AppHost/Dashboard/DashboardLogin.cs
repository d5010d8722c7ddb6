using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Platform.AppHost.Dashboard;

/// <summary>
/// Aspire's browser-token login: <c>/login?t=&lt;token&gt;</c> with the token printed by <c>run</c> sets an
/// HttpOnly cookie; any other request without that cookie gets 401.
/// </summary>
internal static class DashboardLogin
{
    public const string CookieName = "platform-dashboard";

    public static IApplicationBuilder UseDashboardLogin(this IApplicationBuilder app, string token) => app.Use(async (context, next) =>
    {
        if (context.Request.Path == "/login")
        {
            if (!Matches(context.Request.Query["t"], token))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }
            context.Response.Cookies.Append(CookieName, token, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Path = "/",
            });
            context.Response.Redirect("/");
            return;
        }
        if (!Matches(context.Request.Cookies[CookieName], token))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }
        await next(context);
    });

    private static bool Matches(string? given, string token) =>
        given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(token));
}
