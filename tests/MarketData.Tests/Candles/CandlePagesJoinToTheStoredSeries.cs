using System.Net;
using System.Text.Json;
using Platform.MarketData.Tests.Uploads;
using Platform.Testing;

namespace Platform.MarketData.Tests.Candles;

/// <summary>
/// 25,000 stored one-minute candles with 200 single-bar gaps, read back through <c>GET /api/v1/marketdata/candles</c> a
/// page at a time: in every format the pages join to exactly the stored series, in order, none twice, none left out.
/// </summary>
public sealed class CandlePagesJoinToTheStoredSeries(MarketDataFactory factory) : IClassFixture<MarketDataFactory>, IAsyncLifetime
{
    private const string Symbol = "PAGEUSDT";
    private const string Series = $"symbol={Symbol}&interval=1";
    private const string Limits = "limit must be a whole number from 1 to 10000 (json, csv) or 100000 (binary).";

    /// <summary>Minutes 0 to 25,199 but every 126th (5, 131, ...): 25,000 bars.</summary>
    private static readonly List<CandleValues> Stored = [.. Enumerable.Range(0, 25_200).Where(minute => minute % 126 != 5).Select(CandlePages.Bar)];

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));

    public async Task InitializeAsync()
    {
        if (await UploadRequests.CountCandlesAsync(factory.DatabaseConnectionString, Symbol, "1") == Stored.Count)
        {
            return;
        }
        await CandlePages.StoreAsync(factory.DatabaseConnectionString!, Symbol, "1", Stored, _timeout.Token);
        // Neighbours the pages must not pick up: the same symbol at another interval, another symbol at the same times.
        await CandlePages.StoreAsync(factory.DatabaseConnectionString!, Symbol, "5", Stored[..100], _timeout.Token);
        await CandlePages.StoreAsync(factory.DatabaseConnectionString!, "OTHERUSDT", "1", Stored[..100], _timeout.Token);
    }

    public Task DisposeAsync()
    {
        _timeout.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public void TheSeriesHoldsTwentyFiveThousandBars() => Assert.Equal(25_000, Stored.Count);

    [Fact]
    public async Task JsonPagesOfTheDefaultSizeJoinToTheSeries()
    {
        var pages = await CandlePages.ReadAllAsync(factory.CreateClient(), Series, null, _timeout.Token);

        Assert.Equal(Enumerable.Repeat(1_000, 25), pages.Select(page => page.Items.Count));
        Assert.Equal(Stored, pages.SelectMany(page => page.Items));
        Assert.All(pages, page => Assert.Equal("application/json", page.ContentType));
    }

    [Fact]
    public async Task JsonPagesAtTheCapJoinToTheSeries()
    {
        var pages = await CandlePages.ReadAllAsync(factory.CreateClient(), $"{Series}&limit=10000&format=json", null, _timeout.Token);

        Assert.Equal([10_000, 10_000, 5_000], pages.Select(page => page.Items.Count));
        Assert.Equal(Stored, pages.SelectMany(page => page.Items));
    }

    [Fact]
    public async Task CsvPagesJoinToTheSeriesWithTheCursorInTheirHeaders()
    {
        var pages = await CandlePages.ReadAllAsync(factory.CreateClient(), $"{Series}&limit=7000", "text/csv", _timeout.Token);

        Assert.Equal([7_000, 7_000, 7_000, 4_000], pages.Select(page => page.Items.Count));
        Assert.Equal(Stored, pages.SelectMany(page => page.Items));
        Assert.All(pages, page => Assert.Equal("text/csv", page.ContentType));
        Assert.All(pages[..^1], page => Assert.Equal(
            $"<{CandlePages.Path}?symbol={Symbol}&interval=1&limit=7000&cursor={page.NextCursorHeader}>; rel=\"next\"", page.Link));
        Assert.Null(pages[^1].Link);
    }

    [Fact]
    public async Task BinaryPagesJoinToTheSeriesAndAnnounceTheirLength()
    {
        var pages = await CandlePages.ReadAllAsync(factory.CreateClient(), $"{Series}&limit=6000", "application/x-platform-candles", _timeout.Token);

        Assert.Equal([6_000, 6_000, 6_000, 6_000, 1_000], pages.Select(page => page.Items.Count));
        Assert.Equal(pages.Select(page => page.Items.Count * 56L), pages.Select(page => page.ContentLength!.Value));
        Assert.Equal(Stored, pages.SelectMany(page => page.Items));
    }

    [Fact]
    public async Task OneBinaryPageAtItsCapHoldsTheWholeSeries()
    {
        var page = await CandlePages.ReadAsync(factory.CreateClient(), $"{Series}&limit=100000&format=binary", null, _timeout.Token);

        Assert.Equal("application/x-platform-candles", page.ContentType);
        Assert.Equal(Stored, page.Items);
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public async Task TheLinkHeaderLeadsToTheNextPage()
    {
        var client = factory.CreateClient();
        var first = await CandlePages.ReadAsync(client, $"{Series}&limit=3", null, _timeout.Token);
        var link = first.Link!;

        var second = await CandlePages.ReadAsync(client, link[1..link.IndexOf('>', StringComparison.Ordinal)], null, _timeout.Token);

        Assert.Equal(first.NextCursor, first.NextCursorHeader);
        Assert.Equal(Stored[..3], first.Items);
        Assert.Equal(Stored[3..6], second.Items);
    }

    [Theory]
    [InlineData(null, "application/json")]
    [InlineData("text/csv", "text/csv")]
    [InlineData("application/x-platform-candles", "application/x-platform-candles")]
    [InlineData("text/csv;q=0.5, application/x-platform-candles", "application/x-platform-candles")]
    [InlineData("application/x-platform-candles;q=0, text/csv", "text/csv")]
    [InlineData("text/html, */*", "application/json")]
    [InlineData("application/json, text/csv;q=0.5", "application/json")]
    public async Task AcceptChoosesTheFormat(string? accept, string expected)
    {
        var page = await CandlePages.ReadAsync(factory.CreateClient(), $"{Series}&limit=2", accept, _timeout.Token);

        Assert.Equal(expected, page.ContentType);
        Assert.Equal(Stored[..2], page.Items);
    }

    [Fact]
    public async Task TheFormatParameterWinsOverAccept()
    {
        var page = await CandlePages.ReadAsync(factory.CreateClient(), $"{Series}&limit=2&format=csv", "application/x-platform-candles", _timeout.Token);

        Assert.Equal("text/csv", page.ContentType);
        Assert.Equal(Stored[..2], page.Items);
    }

    [Fact]
    public async Task StartAndEndBoundTheSeriesHalfOpen()
    {
        var pages = await CandlePages.ReadAllAsync(
            factory.CreateClient(), $"{Series}&start=2024-01-01T02:00:00Z&end={CandlePages.Start + 200 * CandlePages.Minute}&limit=40", null, _timeout.Token);

        // Minutes 120 to 199, less minute 131 of the gaps.
        Assert.Equal([40, 39], pages.Select(page => page.Items.Count));
        Assert.Equal(Stored.Where(bar => bar.OpenTime >= CandlePages.Start + 120 * CandlePages.Minute && bar.OpenTime < CandlePages.Start + 200 * CandlePages.Minute), pages.SelectMany(page => page.Items));
    }

    [Fact]
    public async Task AReaderMayPage()
    {
        var page = await CandlePages.ReadAsync(factory.CreateClient(Caller.Reader), $"{Series}&limit=5", null, _timeout.Token);

        Assert.Equal(Stored[..5], page.Items);
    }

    [Fact]
    public async Task ASymbolWithoutCandlesIsAnEmptyLastPage()
    {
        var page = JsonDocument.Parse(await factory.CreateClient().GetStringAsync($"{CandlePages.Path}?symbol=nosuchusdt&interval=60", _timeout.Token)).RootElement;

        Assert.Equal("NOSUCHUSDT", page.GetProperty("symbol").GetString());
        Assert.Equal("60", page.GetProperty("interval").GetString());
        Assert.Equal(0, page.GetProperty("count").GetInt32());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("next_cursor").ValueKind);
        Assert.Equal(0, page.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("interval=1", "symbol", "symbol is required.")]
    [InlineData("symbol=PAGE-USDT&interval=1", "symbol", "symbol must be 1 to 32 letters or digits.")]
    [InlineData("symbol=PAGEUSDT", "interval", "unknown interval ''; Bybit has 1, 3, 5, 15, 30, 60, 120, 240, 360, 720, D, W and M (or 15m, 4h, 1d, 1w, 1M).")]
    [InlineData("symbol=PAGEUSDT&interval=2", "interval", "unknown interval '2'; Bybit has 1, 3, 5, 15, 30, 60, 120, 240, 360, 720, D, W and M (or 15m, 4h, 1d, 1w, 1M).")]
    [InlineData("symbol=PAGEUSDT&interval=1&start=yesterday", "start", "start must be epoch milliseconds or ISO-8601, from 1970-01-01 to 9999-12-31 UTC.")]
    [InlineData("symbol=PAGEUSDT&interval=1&start=253402300800000", "start", "start must be epoch milliseconds or ISO-8601, from 1970-01-01 to 9999-12-31 UTC.")]
    [InlineData("symbol=PAGEUSDT&interval=1&end=tomorrow", "end", "end must be epoch milliseconds or ISO-8601, from 1970-01-01 to 9999-12-31 UTC.")]
    [InlineData("symbol=PAGEUSDT&interval=1&start=1704067200000&end=1704067200000", "end", "end must be after start.")]
    [InlineData("symbol=PAGEUSDT&interval=1&start=2024-01-02&end=2024-01-01", "end", "end must be after start.")]
    [InlineData("symbol=PAGEUSDT&interval=1&format=xml", "format", "format must be one of json, csv, binary.")]
    [InlineData("symbol=PAGEUSDT&interval=1&format=JSON", "format", "format must be one of json, csv, binary.")]
    [InlineData("symbol=PAGEUSDT&interval=1&limit=0", "limit", Limits)]
    [InlineData("symbol=PAGEUSDT&interval=1&limit=ten", "limit", Limits)]
    [InlineData("symbol=PAGEUSDT&interval=1&limit=-5", "limit", Limits)]
    [InlineData("symbol=PAGEUSDT&interval=1&limit=10001", "limit", Limits)]
    [InlineData("symbol=PAGEUSDT&interval=1&limit=10001&format=csv", "limit", Limits)]
    [InlineData("symbol=PAGEUSDT&interval=1&limit=100001&format=binary", "limit", Limits)]
    [InlineData("symbol=PAGEUSDT&interval=1&cursor=abc", "cursor", "cursor must be a next_cursor of this endpoint, passed unchanged.")]
    [InlineData("symbol=PAGEUSDT&interval=1&cursor=%25%25%25", "cursor", "cursor must be a next_cursor of this endpoint, passed unchanged.")]
    [InlineData("symbol=PAGEUSDT&interval=1&cursor=", "cursor", "cursor must be a next_cursor of this endpoint, passed unchanged.")]
    [InlineData("symbol=PAGEUSDT&interval=1&cursor=MTpQQUdFVVNEVDoxOjA&cursor=MTpQQUdFVVNEVDoxOjA", "cursor", "cursor must be a next_cursor of this endpoint, passed unchanged.")]
    public async Task InvalidRequestsAreBadRequestsNamingTheParameter(string query, string field, string message)
    {
        using var response = await factory.CreateClient().GetAsync($"{CandlePages.Path}?{query}", _timeout.Token);

        await Problems.AssertValidationAsync(response, field, message);
    }

    [Fact]
    public async Task AnOverlongCursorIsABadRequestNamingIt()
    {
        using var response = await factory.CreateClient().GetAsync($"{CandlePages.Path}?{Series}&cursor={new string('A', 200)}", _timeout.Token);

        await Problems.AssertValidationAsync(response, "cursor", "cursor must be a next_cursor of this endpoint, passed unchanged.");
    }

    [Theory]
    [InlineData("symbol=PAGEUSDT&interval=5")]
    [InlineData("symbol=OTHERUSDT&interval=1")]
    public async Task ACursorOfAnotherSeriesIsABadRequestNamingIt(string series)
    {
        var client = factory.CreateClient();
        var cursor = (await CandlePages.ReadAsync(client, $"{Series}&limit=10", null, _timeout.Token)).NextCursor;

        using var response = await client.GetAsync($"{CandlePages.Path}?{series}&cursor={cursor}", _timeout.Token);

        await Problems.AssertValidationAsync(
            response, "cursor", "cursor was given for another symbol or interval; pass it with the symbol and interval of the page it came from.");
    }

    [Fact]
    public async Task EveryBadParameterIsNamedAtOnce()
    {
        using var response = await factory.CreateClient().GetAsync($"{CandlePages.Path}?symbol=&interval=7&limit=0&format=pdf&cursor=abc", _timeout.Token);
        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);

        Assert.Equal(
            ["cursor", "format", "interval", "limit", "symbol"],
            problem.GetProperty("errors").EnumerateObject().Select(error => error.Name).Order(StringComparer.Ordinal));
    }
}
