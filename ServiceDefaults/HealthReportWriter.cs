using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.ServiceDefaults.Identity;

namespace Platform.ServiceDefaults;

/// <summary>
/// Writes a health report as JSON that names each check and its status, so a 503 says which dependency is down. Probes
/// answer anyone, and a check's description may hold an exception's text, so descriptions are written only for a signed
/// platform caller (the health service gathering readiness), never for the kubelet or the gateway's anonymous callers.
/// </summary>
internal static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var detailed = context.User.Identity is { IsAuthenticated: true, Name: var name } && name != SignedIdentity.AnonymousUser;
        var body = new HealthReportBody(
            report.Status.ToString(),
            report.TotalDuration.TotalMilliseconds,
            [.. report.Entries.Select(entry => new HealthCheckBody(
                entry.Key,
                entry.Value.Status.ToString(),
                detailed ? entry.Value.Description : null,
                entry.Value.Duration.TotalMilliseconds))]);
        return JsonSerializer.SerializeAsync(
            context.Response.Body, body, HealthJsonContext.Default.HealthReportBody, context.RequestAborted);
    }
}
