using System.Net;
using Platform.ServiceDefaults.Identity;
using Platform.Testing.Identity;

namespace Platform.MarketData.Tests.Identity;

public sealed class MarketDataRoutesRequireASignedIdentity(MarketDataFactory factory)
    : EveryRouteRequiresASignedIdentity<Program>(factory), IClassFixture<MarketDataFactory>
{
    [Fact]
    public async Task ACallReplayedToAnotherReplicaIsRefusedThere()
    {
        await using var replica = await factory.StartReplicaAsync();
        var signed = new HandSignedRequest(HttpMethod.Get, "/api/v1/marketdata/uploads") { User = "reader", Roles = Roles.Reader };

        using var first = await factory.CreateUnsignedClient().SendAsync(signed.Build(), Token);
        using var replayed = await replica.CreateUnsignedClient().SendAsync(signed.Build(), Token);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var problem = await Problems.AssertProblemAsync(replayed, HttpStatusCode.Unauthorized);
        Assert.Equal("The request id was used before: a replayed call is refused.", problem.GetProperty("detail").GetString());
    }

    protected override IReadOnlyList<ClassifiedRoute> Routes { get; } =
    [
        new(RouteClass.Public, HttpMethod.Get, "/openapi/v1.json"),
        new(RouteClass.Read, HttpMethod.Get, "/api/v1/marketdata/uploads"),
        new(RouteClass.Read, HttpMethod.Get, "/api/v1/marketdata/candles?symbol=BTCUSDT&interval=60"),
        new(RouteClass.Administer, HttpMethod.Delete, "/api/v1/marketdata/uploads/987654"),
        new(RouteClass.Administer, HttpMethod.Post, "/api/v1/marketdata/uploads/987654/ingest", "{}"),
        new(RouteClass.Internal, HttpMethod.Get, "/internal/candles?symbol=BTCUSDT&interval=60&start=0&end=0"),
    ];

    protected override CancellationToken Token => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;
}
