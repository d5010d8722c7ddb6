using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Dapper;
using Npgsql;
using Platform.Backtests.Tests.Backtests;
using Platform.Testing;

namespace Platform.Backtests.Tests.Equity;

/// <summary>
/// An engine run of 500 hourly bars read back through <c>GET /{id}/equity</c>: every format holds exactly the curve the
/// engine stored, one point per bar, with the drawdown from the running peak.
/// </summary>
public sealed class EquityIsServedAtFullResolutionInEveryFormat(BacktestsFactory factory) : IClassFixture<BacktestsFactory>, IAsyncLifetime
{
    private const int Hours = 500;

    private long _id;
    private long[] _time = [];
    private double[] _equity = [];
    private double _finalCapital;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(SubmittedRuns.Timeout);
        var client = factory.CreateClient();
        var strategyId = await BacktestRequests.CreateStrategyAsync(client, $"equity-{Guid.NewGuid():N}");
        _id = (await BacktestRequests.CreateAsync(client, BacktestRequests.Backtest(strategyId, hours: Hours))).GetProperty("id").GetInt64();
        var run = await Eventually.ReturnsAsync(
            () => BacktestRequests.GetAsync(client, _id), run => run.GetProperty("status").GetString() == "completed", SubmittedRuns.Timeout, "the run to complete");
        _finalCapital = run.GetProperty("final_capital").GetDouble();

        // What the engine produced, as the run stored it.
        await using var connection = new NpgsqlConnection(factory.DatabaseConnectionString);
        (_time, _equity) = await connection.QuerySingleAsync<(long[], double[])>(new CommandDefinition(
            "SELECT times, equity FROM equity_curves WHERE backtest_id = @Id", new { Id = _id }, cancellationToken: timeout.Token));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void TheStoredCurveHasOnePointPerBarEndingAtTheFinalCapital()
    {
        Assert.Equal(Enumerable.Range(0, Hours).Select(hour => BacktestRequests.Start.AddHours(hour).ToUnixTimeMilliseconds()), _time);
        Assert.Equal(_finalCapital, _equity[^1]);
    }

    [Fact]
    public async Task JsonHoldsEveryPointWithItsDrawdown()
    {
        using var timeout = new CancellationTokenSource(SubmittedRuns.Timeout);
        using var response = await factory.CreateClient().GetAsync($"/api/v1/backtests/{_id}/equity", timeout.Token);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(timeout.Token)).RootElement;
        var points = body.GetProperty("points").EnumerateArray().ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(_id, body.GetProperty("backtest_id").GetInt64());
        Assert.Equal(Hours, body.GetProperty("count").GetInt32());
        Assert.Equal(_time, points.Select(point => point.GetProperty("time").GetInt64()));
        Assert.Equal(_equity, points.Select(point => point.GetProperty("equity").GetDouble()));
        AssertDrawdown(points.Select(point => point.GetProperty("drawdown_pct").GetDouble()));
    }

    [Fact]
    public async Task CsvHasAHeaderAndARowPerPoint()
    {
        using var timeout = new CancellationTokenSource(SubmittedRuns.Timeout);
        using var response = await factory.CreateClient().GetAsync($"/api/v1/backtests/{_id}/equity?format=csv", timeout.Token);
        var lines = (await response.Content.ReadAsStringAsync(timeout.Token)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var rows = lines[1..].Select(line => line.Split(',')).ToList();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("time,equity,drawdown_pct", lines[0]);
        Assert.Equal(Hours, rows.Count);
        Assert.Equal(_time, rows.Select(row => long.Parse(row[0], CultureInfo.InvariantCulture)));
        Assert.Equal(_equity, rows.Select(row => double.Parse(row[1], CultureInfo.InvariantCulture)));
        AssertDrawdown(rows.Select(row => double.Parse(row[2], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task BinaryRowsAreTwentyFourLittleEndianBytesAndAnnounceTheirLength()
    {
        using var timeout = new CancellationTokenSource(SubmittedRuns.Timeout);
        using var response = await factory.CreateClient().GetAsync($"/api/v1/backtests/{_id}/equity?format=binary", timeout.Token);
        var bytes = await response.Content.ReadAsByteArrayAsync(timeout.Token);

        Assert.Equal("application/x-platform-equity", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(24L * Hours, response.Content.Headers.ContentLength);
        Assert.Equal(24 * Hours, bytes.Length);
        Assert.Equal(_time, Enumerable.Range(0, Hours).Select(row => BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(24 * row))));
        Assert.Equal(_equity, Enumerable.Range(0, Hours).Select(row => BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(24 * row + 8))));
        AssertDrawdown(Enumerable.Range(0, Hours).Select(row => BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(24 * row + 16))));
    }

    [Theory]
    [InlineData("text/csv", null, "text/csv")]
    [InlineData("application/x-platform-equity", null, "application/x-platform-equity")]
    [InlineData("text/csv;q=0.5, application/x-platform-equity", null, "application/x-platform-equity")]
    [InlineData("application/xml, */*", null, "application/json")]
    [InlineData("text/csv", "json", "application/json")]
    [InlineData("application/json", "binary", "application/x-platform-equity")]
    public async Task FormatComesFromTheQueryElseFromAccept(string accept, string? format, string expected)
    {
        using var timeout = new CancellationTokenSource(SubmittedRuns.Timeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/backtests/{_id}/equity{(format is null ? "" : $"?format={format}")}");
        request.Headers.Accept.ParseAdd(accept);

        using var response = await factory.CreateClient().SendAsync(request, timeout.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
    }

    private void AssertDrawdown(IEnumerable<double> drawdown)
    {
        var expected = SubmittedRuns.Drawdown(_equity);
        Assert.All(drawdown.Select((value, index) => (value, index)), point => Assert.Equal(expected[point.index], point.value, 12));
        Assert.Equal(_equity.Length, drawdown.Count());
    }
}
