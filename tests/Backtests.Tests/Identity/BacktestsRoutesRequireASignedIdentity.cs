using Platform.ServiceDefaults.Identity;
using Platform.Testing.Identity;

namespace Platform.Backtests.Tests.Identity;

public sealed class BacktestsRoutesRequireASignedIdentity(BacktestsFactory factory)
    : EveryRouteRequiresASignedIdentity<Program>(factory), IClassFixture<BacktestsFactory>
{
    protected override IReadOnlyList<ClassifiedRoute> Routes { get; } =
    [
        new(RouteClass.Public, HttpMethod.Get, "/openapi/v1.json"),
        new(RouteClass.Read, HttpMethod.Get, "/api/v1/backtests/?limit=5"),
        new(RouteClass.Read, HttpMethod.Get, "/api/v1/strategies/987654"),
        new(RouteClass.Trade, HttpMethod.Post, "/api/v1/strategies/", """{"name":"","strategy_type":"sma_crossover"}"""),
        new(RouteClass.Read, HttpMethod.Post, "/api/v1/strategies/validate", """{"strategy_type":"sma_crossover"}"""),
        new(RouteClass.Trade, HttpMethod.Post, "/api/v1/backtests/", """{"strategy_id":987654}"""),
        new(RouteClass.Work, HttpMethod.Post, "/api/v1/backtests/987654/claim", """{"worker_id":"w-1"}"""),
        new(RouteClass.Work, HttpMethod.Post, "/api/v1/backtests/987654/heartbeat", """{"worker_id":"w-1"}"""),
        new(RouteClass.Trade, HttpMethod.Delete, "/api/v1/strategies/987654"),
        new(RouteClass.Administer, HttpMethod.Patch, "/api/v1/strategies/987654", "{}"),
        new(RouteClass.Internal, HttpMethod.Get, "/internal/db-pool"),
    ];

    protected override CancellationToken Token => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;
}
