using Platform.ServiceDefaults.Identity;
using Platform.Testing.Identity;

namespace Platform.Health.Tests.Identity;

public sealed class HealthRoutesRequireASignedIdentity(HealthFactory factory)
    : EveryRouteRequiresASignedIdentity<Program>(factory), IClassFixture<HealthFactory>
{
    protected override IReadOnlyList<ClassifiedRoute> Routes { get; } =
    [
        new(RouteClass.Public, HttpMethod.Get, "/openapi/v1.json"),
        new(RouteClass.Public, HttpMethod.Get, "/api/v1/health/live"),
        new(RouteClass.Read, HttpMethod.Get, "/api/v1/health/components/nothing-of-that-name"),
        new(RouteClass.Administer, HttpMethod.Post, "/api/v1/health/live", "{}"),
        new(RouteClass.Internal, HttpMethod.Get, "/internal/db-pool"),
    ];

    protected override CancellationToken Token => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;
}
