using Platform.ServiceDefaults.Identity;
using Platform.Testing.Identity;

namespace Platform.MarketData.Tests.Identity;

public sealed class MarketDataRoutesRequireASignedIdentity(MarketDataFactory factory)
    : EveryRouteRequiresASignedIdentity<Program>(factory), IClassFixture<MarketDataFactory>
{
    protected override IReadOnlyList<ClassifiedRoute> Routes { get; } =
    [
        new(RouteClass.Public, HttpMethod.Get, "/openapi/v1.json"),
        new(RouteClass.Read, HttpMethod.Get, "/api/v1/marketdata/uploads"),
        new(RouteClass.Administer, HttpMethod.Delete, "/api/v1/marketdata/uploads/987654"),
        new(RouteClass.Administer, HttpMethod.Post, "/api/v1/marketdata/uploads/987654/ingest", "{}"),
        new(RouteClass.Internal, HttpMethod.Get, "/internal/candles?symbol=BTCUSDT&interval=60&start=0&end=0"),
    ];

    protected override CancellationToken Token => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;
}
