using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using Platform.Backtests.Tests.Backtests;
using Platform.Testing;
using Platform.Testing.LocalServers;

namespace Platform.Backtests.Tests.Queue;

/// <summary>The platform with Bybit unreachable (nothing listens where the market data service looks for it).</summary>
public sealed class UnreachableBybitFactory() : BacktestsFactory($"http://127.0.0.1:{FreePort.Next()}/");

/// <summary>
/// Runs whose candles are missing while Bybit cannot be reached wait without holding a worker; runs whose candles are
/// stored go on at once; a synchronous run answers 503 at once (docs/api-behaviour.md, 2.7 and 2.13).
/// </summary>
public sealed class AnExchangeOutageHoldsNoWorker(UnreachableBybitFactory factory) : IClassFixture<UnreachableBybitFactory>
{
    private const string StoredSymbol = "ETHUSDT";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task SixRunsWaitingOnBybitDoNotDelayARunWhoseCandlesAreStored()
    {
        var client = factory.CreateClient();
        await StoreCandlesAsync(factory.MarketData.DatabaseConnectionString!, StoredSymbol, hours: 300);
        var strategyId = await BacktestRequests.CreateStrategyAsync(client, "outage");
        var waiting = new List<long>();
        foreach (var symbol in (string[])["BTCUSDT", "SOLUSDT", "XRPUSDT", "ADAUSDT", "DOGEUSDT", "BNBUSDT"])
        {
            waiting.Add((await BacktestRequests.CreateAsync(client, BacktestRequests.Backtest(strategyId, symbol, hours: 300))).GetProperty("id").GetInt64());
        }

        var watch = Stopwatch.StartNew();
        var stored = (await BacktestRequests.CreateAsync(client, BacktestRequests.Backtest(strategyId, StoredSymbol, hours: 300))).GetProperty("id").GetInt64();
        var completed = await Eventually.ReturnsAsync(
            () => BacktestRequests.GetAsync(client, stored), run => run.GetProperty("status").GetString() is "completed" or "failed",
            TimeSpan.FromSeconds(5), "the run whose candles are stored");
        watch.Stop();
        var deferred = await Eventually.ReturnsAsync(
            async () => await Task.WhenAll(waiting.Select(id => BacktestRequests.GetAsync(client, id))),
            runs => runs.All(run => run.GetProperty("retry_at").ValueKind == JsonValueKind.String),
            Timeout, "every run waiting on Bybit to be deferred");

        Assert.Equal("completed", completed.GetProperty("status").GetString());
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Assert.All(deferred, run =>
        {
            Assert.Equal("queued", run.GetProperty("status").GetString());
            Assert.Null(run.GetProperty("claimed_by").GetString());
            Assert.Equal(0, run.GetProperty("attempts").GetInt32());
            var reason = run.GetProperty("error_message").GetString()!;
            Assert.Contains($"Candles of {run.GetProperty("symbol").GetString()} 60 from 2024-01-01T00:00:00Z", reason, StringComparison.Ordinal);
            Assert.Contains("Bybit cannot be reached", reason, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task ASynchronousRunThatNeedsBybitAnswersServiceUnavailableWithinTwoSeconds()
    {
        var client = factory.CreateClient();
        var strategyId = await BacktestRequests.CreateStrategyAsync(client, "outage-sync");
        var body = BacktestRequests.Backtest(strategyId, "LTCUSDT", hours: 100);
        body["additional_timeframes"] = new JsonArray("240");

        var watch = Stopwatch.StartNew();
        using var response = await client.PostAsJsonAsync("/api/v1/backtests/mtf", body);
        watch.Stop();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "Retry-After in seconds");
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(2));
        Assert.Contains("Bybit cannot be reached", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Hourly candles in the market data service's database whose close swings over a day, so that the crossover strategy trades.</summary>
    internal static async Task StoreCandlesAsync(string marketDataDatabase, string symbol, int hours)
    {
        await using var connection = new NpgsqlConnection(marketDataDatabase);
        await connection.ExecuteAsync(
            CandleSql.Series(interval: "'60'") + """
            INSERT INTO candle_bars (series_id, open_time, open, high, low, close, volume, turnover, source)
            SELECT series.id, @Start + n * 3600000, p, p + 2, p - 2, p + sin(n + 1.0), 10, 10 * p, 'test'
            FROM series, generate_series(0, @Hours - 1) AS n, LATERAL (SELECT 100 + 10 * sin(n * pi() / 12) AS p) AS price
            ON CONFLICT DO NOTHING
            """,
            new { Symbol = symbol, Start = BacktestRequests.Start.ToUnixTimeMilliseconds(), Hours = hours });
    }
}
