using Platform.ServiceDefaults.Identity;
using Platform.Testing.Identity;

namespace Platform.Optimizations.Tests.Identity;

public sealed class OptimizationsRoutesRequireASignedIdentity(ApiOnlyOptimizationsFactory factory)
    : EveryRouteRequiresASignedIdentity<Program>(factory), IClassFixture<ApiOnlyOptimizationsFactory>
{
    protected override IReadOnlyList<ClassifiedRoute> Routes { get; } =
    [
        new(RouteClass.Public, HttpMethod.Get, "/openapi/v1.json"),
        new(RouteClass.Read, HttpMethod.Get, "/api/v1/optimizations/?status=completed"),
        new(RouteClass.Trade, HttpMethod.Post, "/api/v1/optimizations/", """{"name":""}"""),
        new(RouteClass.Trade, HttpMethod.Post, "/api/v1/optimizations/987654/run/grid", "{}"),
        new(RouteClass.Trade, HttpMethod.Put, "/api/v1/optimizations/987654", "{}"),
        new(RouteClass.Administer, HttpMethod.Patch, "/api/v1/optimizations/987654", "{}"),
        new(RouteClass.Internal, HttpMethod.Get, "/internal/db-pool"),
    ];

    protected override CancellationToken Token => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;
}
