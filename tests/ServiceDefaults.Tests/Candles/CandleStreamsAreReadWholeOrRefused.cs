using System.Buffers.Binary;
using System.Net;
using System.Text;
using Platform.Candles;

namespace Platform.ServiceDefaults.Tests.Candles;

/// <summary>The candle client against canned answers of the market data service's internal endpoint.</summary>
public sealed class CandleStreamsAreReadWholeOrRefused
{
    [Fact]
    public async Task RowsSplitAcrossReadsAreDecodedInOrder()
    {
        // 5,000 rows: more than one read buffer, delivered in pieces that end mid-row.
        var rows = Enumerable.Range(0, 5_000).Select(i => (Time: 1_700_000_000_000L + i * 60_000L, Price: 100 + i * 0.5)).ToList();
        var feed = Feed(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new TricklingStream(Encode(rows), 1_000)) });

        var candles = await feed.ReadAsync("BTCUSDT", "1", rows[0].Time, rows[^1].Time, CancellationToken.None);

        Assert.Equal(rows.Count, candles.Count);
        Assert.Equal(rows.Select(row => row.Time), candles.OpenTime);
        Assert.Equal(rows.Select(row => row.Price), candles.Open);
        Assert.Equal(rows.Select(row => row.Price + 1), candles.High);
        Assert.Equal(rows.Select(row => row.Price - 1), candles.Low);
        Assert.Equal(rows.Select(row => row.Price + 0.25), candles.Close);
        Assert.Equal(rows.Select(_ => 42.0), candles.Volume);
    }

    [Fact]
    public async Task AStreamWithoutALengthIsReadWholeAndTrimmedToItsRows()
    {
        // 10,000 rows without a Content-Length: more than the first allocation, so the columns grow, then are trimmed.
        var rows = Enumerable.Range(0, 10_000).Select(i => (Time: 1_700_000_000_000L + i * 60_000L, Price: 100 + i * 0.5)).ToList();
        var content = new StreamContent(new UnknownLengthStream(Encode(rows), 777));
        Assert.Null(content.Headers.ContentLength);
        var feed = Feed(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });

        var candles = await feed.ReadAsync("BTCUSDT", "1", rows[0].Time, rows[^1].Time, CancellationToken.None);

        Assert.Equal(rows.Count, candles.OpenTime.Length);
        Assert.Equal(rows.Count, candles.Close.Length);
        Assert.Equal(rows.Select(row => row.Time), candles.OpenTime);
        Assert.Equal(rows.Select(row => row.Price + 0.25), candles.Close);
        Assert.Equal(rows.Select(_ => 42.0), candles.Volume);
    }

    [Fact]
    public async Task AnAnnouncedLengthSizesTheColumnsExactly()
    {
        var rows = Enumerable.Range(0, 3).Select(i => (Time: 1_700_000_000_000L + i * 60_000L, Price: 7.0 + i)).ToList();
        var feed = Feed(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Encode(rows)) });

        var candles = await feed.ReadAsync("BTCUSDT", "1", rows[0].Time, rows[^1].Time, CancellationToken.None);

        Assert.Equal([7.0, 8.0, 9.0], candles.Open);
        Assert.Equal(3, candles.Volume.Length);
    }

    [Fact]
    public async Task AStreamEndingInsideARowIsABadGateway()
    {
        var bytes = Encode([(1_700_000_000_000L, 100.0)]);
        var feed = Feed(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(bytes[..^8]) });

        var error = await Assert.ThrowsAsync<CandleFeedException>(() => feed.ReadAsync("ETHUSDT", "60", 0, 1, CancellationToken.None));

        Assert.Equal(502, error.StatusCode);
        Assert.Contains("ETHUSDT 60 ended inside a row", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, """{"title":"Not found","detail":"no candles for XYZUSDT"}""", "no candles for XYZUSDT")]
    [InlineData(HttpStatusCode.BadRequest, """{"errors":{"interval":["unknown interval"]}}""", """{"interval":["unknown interval"]}""")]
    [InlineData(HttpStatusCode.ServiceUnavailable, "upstream down", "market data answered 503")]
    [InlineData(HttpStatusCode.BadGateway, """{"title":"Bad gateway"}""", "market data answered 502")]
    public async Task AFailedReadCarriesTheStatusAndWhatTheServiceSaid(HttpStatusCode status, string body, string message)
    {
        var feed = Feed(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/problem+json") });

        var error = await Assert.ThrowsAsync<CandleFeedException>(() => feed.ReadAsync("BTCUSDT", "1", 0, 1, CancellationToken.None));

        Assert.Equal((int)status, error.StatusCode);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task TheRequestAsksForBinaryRowsOfTheRange()
    {
        HttpRequestMessage? sent = null;
        var feed = new CandleFeed(new HttpClient(new CannedHandler(request =>
        {
            sent = request;
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([]) };
        }))
        { BaseAddress = new Uri("http://marketdata") });

        var candles = await feed.ReadAsync("BTC/USDT", "D", 10, 20, CancellationToken.None);

        Assert.Equal(0, candles.Count);
        Assert.Equal("/internal/candles?symbol=BTC%2FUSDT&interval=D&start=10&end=20", sent!.RequestUri!.PathAndQuery);
        Assert.Equal(CandleFeed.BinaryMediaType, sent.Headers.Accept.First().MediaType);
    }

    private static CandleFeed Feed(HttpResponseMessage answer) =>
        new(new HttpClient(new CannedHandler(_ => answer)) { BaseAddress = new Uri("http://marketdata") });

    private static byte[] Encode(IReadOnlyList<(long Time, double Price)> rows)
    {
        var bytes = new byte[rows.Count * CandleFeed.RowSize];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = bytes.AsSpan(i * CandleFeed.RowSize, CandleFeed.RowSize);
            BinaryPrimitives.WriteInt64LittleEndian(row, rows[i].Time);
            BinaryPrimitives.WriteDoubleLittleEndian(row[8..], rows[i].Price);
            BinaryPrimitives.WriteDoubleLittleEndian(row[16..], rows[i].Price + 1);
            BinaryPrimitives.WriteDoubleLittleEndian(row[24..], rows[i].Price - 1);
            BinaryPrimitives.WriteDoubleLittleEndian(row[32..], rows[i].Price + 0.25);
            BinaryPrimitives.WriteDoubleLittleEndian(row[40..], 42.0);
            BinaryPrimitives.WriteDoubleLittleEndian(row[48..], double.NaN);
        }
        return bytes;
    }

    private sealed class CannedHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(answer(request));
    }

    /// <summary>A forward-only stream, so that <see cref="StreamContent"/> cannot tell its length.</summary>
    private sealed class UnknownLengthStream(byte[] bytes, int chunk) : Stream
    {
        private readonly TricklingStream _inner = new(bytes, chunk);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => _inner.ReadAsync(buffer, cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Hands out at most <paramref name="chunk"/> bytes a read, as a network stream does.</summary>
    private sealed class TricklingStream(byte[] bytes, int chunk) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }
}
