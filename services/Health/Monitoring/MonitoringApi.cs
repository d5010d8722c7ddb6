using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.OpenApi;

namespace Platform.Health.Monitoring;

/// <summary>
/// The contract's health-monitoring appendix (docs/api-behaviour.md, 5.7), built on the components of
/// <c>GET /api/v1/health</c>: the platform's services, PostgreSQL, Redis and Bybit. <c>components/{name}</c> also takes the
/// original's names (<see cref="OriginalComponentNames"/>).
/// </summary>
internal static class MonitoringApi
{
    private const string Components = "Components are the platform's services, postgres, redis and bybit.";

    private const string OriginalNames = "The original's names are accepted too and keep their name in the answer: "
        + "database and disk (postgres), redis, bybit_api (bybit), celery (the services that run the job workers).";

    /// <summary>Maps <c>enhanced</c>, <c>dashboard</c>, <c>components/{name}</c> and <c>summary</c> under <c>/api/v1/health</c>.</summary>
    public static RouteGroupBuilder MapMonitoringApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/health").WithTags("Health");
        group.MapGet("/enhanced", GetEnhancedAsync).WithName("Enhanced")
            .Documented(
                "Every component with counts per status",
                $"Every component with counts per status; 503 with the same body when one is unhealthy. {Components}")
            .WithResponseExample(HealthExamples.Enhanced)
            .Produces<EnhancedReport>(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/dashboard", GetDashboardAsync).WithName("Dashboard")
            .Documented(
                "Every component with counts per status and alerts",
                $"Every component, counts per status and alerts (\"CRITICAL: <NAME> is unhealthy - <detail>\", \"WARNING: <NAME> is "
                + $"degraded\"); 503 with the same body when one is unhealthy. {Components}")
            .WithResponseExample(HealthExamples.Dashboard)
            .Produces<DashboardReport>(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/components/{name}", GetComponentAsync).WithName("Component")
            .Documented(
                "One component's state",
                $"One component, 200 whatever its status; 404 for an unknown name, listing the names known. {Components} {OriginalNames}")
            .WithResponseExample(HealthExamples.Component)
            .ProducesProblems(StatusCodes.Status404NotFound);
        group.MapGet("/summary", GetSummaryAsync).WithName("Summary")
            .Documented("PostgreSQL and Bybit at a glance", "PostgreSQL and Bybit only; 503 with the same body when unhealthy.")
            .WithResponseExample(HealthExamples.Summary)
            .Produces<SummaryReport>(StatusCodes.Status503ServiceUnavailable);
        return group;
    }

    private static async Task<Results<Ok<EnhancedReport>, JsonHttpResult<EnhancedReport>>> GetEnhancedAsync(
        PlatformProber prober, CancellationToken cancellationToken)
    {
        var report = await prober.CheckAllAsync(cancellationToken);
        var body = new EnhancedReport(
            report.Status, report.Timestamp, [.. report.Components.Select(MonitoredComponent.From)], TotalledCounts.Of(report.Components));
        return Answer(report, body);
    }

    private static async Task<Results<Ok<DashboardReport>, JsonHttpResult<DashboardReport>>> GetDashboardAsync(
        PlatformProber prober, CancellationToken cancellationToken)
    {
        var report = await prober.CheckAllAsync(cancellationToken);
        var body = new DashboardReport(
            report.Status,
            report.Timestamp,
            [.. report.Components.Select(MonitoredComponent.From)],
            StatusCounts.Of(report.Components),
            [.. report.Components.SelectMany(Alerts)]);
        return Answer(report, body);
    }

    private static async Task<Results<Ok<MonitoredComponent>, ProblemHttpResult>> GetComponentAsync(
        string name, PlatformProber prober, CancellationToken cancellationToken)
    {
        var report = await prober.CheckAllAsync(cancellationToken);
        if (OriginalComponentNames.Find(report, name) is { } found)
        {
            return TypedResults.Ok(MonitoredComponent.From(found));
        }
        var available = string.Join(", ", report.Components.Select(component => $"'{component.Name}'"));
        return TypedResults.Problem(
            detail: $"Component '{name}' not found. Available: [{available}]", statusCode: StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<SummaryReport>, JsonHttpResult<SummaryReport>>> GetSummaryAsync(
        PlatformProber prober, CancellationToken cancellationToken)
    {
        var report = await prober.CheckDatabaseAndBybitAsync(cancellationToken);
        return Answer(report, new SummaryReport(report.Status, report.Timestamp, report.Components.Count));
    }

    private static Results<Ok<T>, JsonHttpResult<T>> Answer<T>(PlatformReport report, T body) =>
        report.Status == ComponentStatus.Unhealthy
            ? TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Ok(body);

    private static IEnumerable<string> Alerts(ComponentReport component) => component.Status switch
    {
        ComponentStatus.Unhealthy => [$"CRITICAL: {component.Name.ToUpperInvariant()} is unhealthy - {component.Detail}"],
        ComponentStatus.Degraded => [$"WARNING: {component.Name.ToUpperInvariant()} is degraded"],
        _ => [],
    };
}

internal sealed record EnhancedReport(
    string OverallStatus, DateTimeOffset Timestamp, IReadOnlyList<MonitoredComponent> Components, TotalledCounts Summary);

internal sealed record DashboardReport(
    string OverallStatus,
    DateTimeOffset Timestamp,
    IReadOnlyList<MonitoredComponent> Components,
    StatusCounts Summary,
    IReadOnlyList<string> Alerts);

internal sealed record SummaryReport(string Status, DateTimeOffset Timestamp, int ComponentsChecked);
