using System.Net;
using Dapper;
using Npgsql;
using Platform.Testing.FakeBybit;

namespace Platform.MarketData.Tests.Live;

public sealed class FetchedKlinesArePersisted(MarketDataFactory factory) : IClassFixture<MarketDataFactory>
{
    [Fact]
    public async Task PersistOneStoresTheClosedCandlesWithSourceBybit()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        using var response = await factory.CreateClient().GetAsync(
            "/api/v1/marketdata/bybit/klines/fetch?symbol=KEEPUSDT&interval=60&limit=10&persist=1", timeout.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = await ReadAsync("KEEPUSDT", timeout.Token);
        Assert.Equal(9, rows.Count);
        Assert.All(rows, row =>
        {
            var expected = FakeMarket.Candle("KEEPUSDT", row.OpenTime);
            Assert.Equal(
                ((double)expected.Open, (double)expected.High, (double)expected.Low, (double)expected.Close, (double)expected.Volume, "bybit"),
                (row.Open, row.High, row.Low, row.Close, row.Volume, row.Source));
        });
        Assert.True(rows[^1].OpenTime + 3_600_000 <= DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), "the open candle was stored");
    }

    [Fact]
    public async Task PersistZeroStoresNothing()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        using var response = await factory.CreateClient().GetAsync(
            "/api/v1/marketdata/bybit/klines/fetch?symbol=SKIPUSDT&interval=60&limit=10", timeout.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await ReadAsync("SKIPUSDT", timeout.Token));
    }

    private async Task<List<StoredRow>> ReadAsync(string symbol, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(factory.DatabaseConnectionString);
        var rows = await connection.QueryAsync<StoredRow>(new CommandDefinition(
            """
            SELECT open_time AS OpenTime, open AS Open, high AS High, low AS Low, close AS Close, volume AS Volume, source AS Source
            FROM candles WHERE symbol = @Symbol AND interval = '60' ORDER BY open_time
            """,
            new { Symbol = symbol },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    private sealed record StoredRow(long OpenTime, double Open, double High, double Low, double Close, double Volume, string Source);
}
