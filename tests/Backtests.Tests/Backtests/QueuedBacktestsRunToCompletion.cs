using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Engine.Backtesting;
using Platform.Engine.Data;
using Platform.Engine.Strategies;
using Platform.Testing;
using Platform.Testing.FakeBybit;

namespace Platform.Backtests.Tests.Backtests;

public sealed class QueuedBacktestsRunToCompletion(BacktestsFactory factory) : IClassFixture<BacktestsFactory>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ARunMatchesTheEngineOnTheSameCandles()
    {
        var client = factory.CreateClient();
        var strategyId = await BacktestRequests.CreateStrategyAsync(client, "engine-parity");

        using var response = await client.PostAsJsonAsync("/api/v1/backtests/", BacktestRequests.Backtest(strategyId, hours: 500));
        var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var id = created.GetProperty("id").GetInt64();
        var done = await Eventually.ReturnsAsync(
            () => BacktestRequests.GetAsync(client, id), run => run.GetProperty("status").GetString() is "completed" or "failed", Timeout, "the run to end");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/v1/backtests/{id}", response.Headers.Location?.ToString());
        Assert.Equal("queued", created.GetProperty("status").GetString());
        Assert.Equal("completed", done.GetProperty("status").GetString());
        var expected = RunEngineDirectly(500);
        Assert.Equal(expected.Metrics.FinalCapital, done.GetProperty("final_capital").GetDouble(), 6);
        Assert.Equal(expected.Metrics.TotalReturn, done.GetProperty("total_return").GetDouble(), 9);
        Assert.Equal(expected.Metrics.TotalTrades, done.GetProperty("total_trades").GetInt32());
        Assert.Equal(expected.Metrics.MaxDrawdown, done.GetProperty("max_drawdown").GetDouble(), 9);
        var trades = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/backtests/{id}/trades")).RootElement;
        Assert.Equal(expected.Trades.Count, trades.GetArrayLength());
        Assert.Equal(expected.Trades[0].EntryPrice, trades[0].GetProperty("price").GetDouble(), 9);
        Assert.Equal(expected.Trades[0].Side == TradeSide.Long ? "buy" : "sell", trades[0].GetProperty("side").GetString());
        Assert.Equal(expected.Metrics.Metrics.NetProfit, done.GetProperty("results").GetProperty("metrics").GetProperty("net_profit").GetDouble(), 6);
    }

    [Fact]
    public async Task AnUnknownSymbolEndsFailedWithItsReason()
    {
        factory.MarketData.Bybit.AddUnknownSymbol("NOPEUSDT");
        var client = factory.CreateClient();
        var strategyId = await BacktestRequests.CreateStrategyAsync(client, "unknown-symbol");

        var created = await BacktestRequests.CreateAsync(client, BacktestRequests.Backtest(strategyId, symbol: "NOPEUSDT"));
        var done = await Eventually.ReturnsAsync(
            () => BacktestRequests.GetAsync(client, created.GetProperty("id").GetInt64()),
            run => run.GetProperty("status").GetString() == "failed",
            Timeout,
            "the run to fail");

        Assert.Contains("NOPEUSDT", done.GetProperty("error_message").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, done.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task ARunStoredWithoutAStreamEntryIsEnqueuedByTheReconciler()
    {
        var client = factory.CreateClient();
        var strategyId = await BacktestRequests.CreateStrategyAsync(client, "reconciled");
        await using var connection = new Npgsql.NpgsqlConnection(factory.DatabaseConnectionString);
        // As if Redis had been down when the row committed: no stream entry, queued for longer than the lease.
        var id = await Dapper.SqlMapper.ExecuteScalarAsync<long>(
            connection,
            """
            INSERT INTO backtests (strategy_id, symbol, timeframe, start_date, end_date, initial_capital, leverage, commission, updated_at)
            VALUES (@StrategyId, 'BTCUSDT', '60', '2024-01-01', '2024-01-10', 10000, 1, 0.0006, now() - interval '1 minute')
            RETURNING id
            """,
            new { StrategyId = strategyId });

        var done = await Eventually.ReturnsAsync(
            () => BacktestRequests.GetAsync(client, id), run => run.GetProperty("status").GetString() == "completed", Timeout, "the reconciled run to complete");

        Assert.Equal(1, done.GetProperty("attempts").GetInt32());
    }

    /// <summary>The engine on the fake's candles for the same hours, without any service in between.</summary>
    internal static BacktestResult RunEngineDirectly(int hours)
    {
        var strategy = StrategyCatalog.Default.Create("sma_crossover", new Dictionary<string, double> { ["fast"] = 5, ["slow"] = 20 });
        return Backtester.Run(FakeSeries(hours), strategy, new BacktestSettings { InitialCapital = 10_000, Leverage = 1, CommissionBps = 6 });
    }

    /// <summary>The hourly BTCUSDT candles the fake market serves from <see cref="BacktestRequests.Start"/>.</summary>
    internal static CandleSeries FakeSeries(int hours)
    {
        var start = BacktestRequests.Start.ToUnixTimeMilliseconds();
        var candles = Enumerable.Range(0, hours).Select(hour => FakeMarket.Candle("BTCUSDT", start + hour * 3_600_000L)).ToList();
        var series = CandleSeries.Create(
            Interval.Parse("60"),
            candles.Select(candle => candle.OpenTime).ToArray(),
            candles.Select(candle => (double)candle.Open).ToArray(),
            candles.Select(candle => (double)candle.High).ToArray(),
            candles.Select(candle => (double)candle.Low).ToArray(),
            candles.Select(candle => (double)candle.Close).ToArray(),
            candles.Select(candle => (double)candle.Volume).ToArray()).Series!;
        return series;
    }
}
