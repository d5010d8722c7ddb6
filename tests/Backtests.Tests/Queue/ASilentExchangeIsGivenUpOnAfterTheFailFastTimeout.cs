using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Backtests.Tests.Backtests;
using Platform.Testing;

namespace Platform.Backtests.Tests.Queue;

/// <summary>
/// The platform with a Bybit that accepts connections and never answers, and the market data service's fail-fast timeout
/// set to <see cref="FailFastTimeout"/> (twice its default, so that a test can tell the setting is used) and the wait it
/// asks callers for to <see cref="RetryAfter"/>.
/// </summary>
public sealed class SilentBybitFactory : BacktestsFactory
{
    public static readonly TimeSpan FailFastTimeout = TimeSpan.FromSeconds(3);

    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(7);

    private readonly TcpListener _silent;

    public SilentBybitFactory()
        : this(new TcpListener(IPAddress.Loopback, 0))
    {
    }

    private SilentBybitFactory(TcpListener silent)
        : base(Listen(silent))
    {
        _silent = silent;
        MarketData.Set("Bybit:Resilience:FailFastTimeout", FailFastTimeout.ToString());
        MarketData.Set("Bybit:Resilience:FailFastRetryAfter", RetryAfter.ToString());
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _silent.Dispose();
    }

    private static string Listen(TcpListener silent)
    {
        silent.Start();
        return $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/";
    }
}

/// <summary>
/// A synchronous run whose candles are missing waits on a silent Bybit for the configured fail-fast timeout, not less
/// and not much more, then answers 503 with <c>Retry-After</c> (docs/api-behaviour.md, 2.7 and 4.14). The class runs alone,
/// so that the time is not measured against other classes' load.
/// </summary>
[Collection(nameof(ASilentExchangeIsGivenUpOnAfterTheFailFastTimeout))]
public sealed class ASilentExchangeIsGivenUpOnAfterTheFailFastTimeout(SilentBybitFactory factory) : IClassFixture<SilentBybitFactory>
{
    [Fact]
    public async Task ASynchronousRunAnswers503OnceTheFailFastTimeoutHasRunOut()
    {
        var client = factory.CreateClient();
        var strategyId = await BacktestRequests.CreateStrategyAsync(client, "silent-bybit");
        // A first run on stored candles, so that the timed one does not also pay for the services' first calls.
        await AnExchangeOutageHoldsNoWorker.StoreCandlesAsync(factory.MarketData.DatabaseConnectionString!, "ETHUSDT", hours: 100);
        using (var warm = await client.PostAsJsonAsync("/api/v1/backtests/mtf", Synchronous(strategyId, "ETHUSDT")))
        {
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }

        var clock = Stopwatch.StartNew();
        using var response = await client.PostAsJsonAsync("/api/v1/backtests/mtf", Synchronous(strategyId, "LTCUSDT"));
        clock.Stop();
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(SilentBybitFactory.RetryAfter, response.Headers.RetryAfter?.Delta);
        TimeoutBounds.AssertEndedAt(SilentBybitFactory.FailFastTimeout, clock.Elapsed);
        Assert.Contains("Bybit cannot be reached", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static JsonObject Synchronous(long strategyId, string symbol)
    {
        var body = BacktestRequests.Backtest(strategyId, symbol, hours: 100);
        body["additional_timeframes"] = new JsonArray("240");
        return body;
    }
}

[CollectionDefinition(nameof(ASilentExchangeIsGivenUpOnAfterTheFailFastTimeout), DisableParallelization = true)]
public sealed class ASilentExchangeRunsAlone;
