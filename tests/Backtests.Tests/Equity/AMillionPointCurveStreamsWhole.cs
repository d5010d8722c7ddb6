using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json.Nodes;
using Platform.Backtests.Tests.Backtests;
using Platform.Testing;

namespace Platform.Backtests.Tests.Equity;

/// <summary>A run whose stored curve holds a million hourly points: every one comes back, none thinned.</summary>
public sealed class AMillionPointCurveStreamsWhole(ApiOnlyBacktestsFactory factory) : IClassFixture<ApiOnlyBacktestsFactory>, IAsyncLifetime
{
    private const int Points = 1_000_000;

    private static readonly (long[] Time, double[] Equity) Curve = EquityWalk.Hourly(Points, seed: 11);

    private long _id;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(SubmittedRuns.Timeout);
        _id = await SubmittedRuns.CompleteAsync(
            factory.CreateClient(), [], [new JsonObject { ["timestamp"] = "2024-01-01T00:00:00Z", ["equity"] = 10_000 }], timeout.Token);
        await SubmittedRuns.StoreCurveAsync(factory.DatabaseConnectionString!, _id, Curve.Time, Curve.Equity, timeout.Token);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task BinaryHoldsEveryPoint()
    {
        using var timeout = new CancellationTokenSource(SubmittedRuns.Timeout);
        using var response = await factory.CreateClient().GetAsync($"/api/v1/backtests/{_id}/equity?format=binary", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        var bytes = await response.Content.ReadAsByteArrayAsync(timeout.Token);
        var drawdown = SubmittedRuns.Drawdown(Curve.Equity);

        Assert.Equal(24L * Points, response.Content.Headers.ContentLength);
        Assert.Equal(24 * Points, bytes.Length);
        for (var row = 0; row < Points; row++)
        {
            var span = bytes.AsSpan(24 * row);
            Assert.Equal(Curve.Time[row], BinaryPrimitives.ReadInt64LittleEndian(span));
            Assert.Equal(Curve.Equity[row], BinaryPrimitives.ReadDoubleLittleEndian(span[8..]));
            Assert.Equal(drawdown[row], BinaryPrimitives.ReadDoubleLittleEndian(span[16..]), 9);
        }
    }

    [Fact]
    public async Task CsvHoldsEveryPointInItsShortestExactForm()
    {
        using var timeout = new CancellationTokenSource(SubmittedRuns.Timeout);
        using var response = await factory.CreateClient().GetAsync($"/api/v1/backtests/{_id}/equity?format=csv", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        Assert.Equal("time,equity,drawdown_pct", await reader.ReadLineAsync(timeout.Token));
        var rows = 0;
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            var cells = line.Split(',');
            Assert.Equal(Curve.Time[rows], long.Parse(cells[0], CultureInfo.InvariantCulture));
            Assert.Equal(Curve.Equity[rows], double.Parse(cells[1], CultureInfo.InvariantCulture));
            rows++;
        }
        Assert.Equal(Points, rows);
    }
}
