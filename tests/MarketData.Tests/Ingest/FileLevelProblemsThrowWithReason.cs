using System.Text;
using Platform.MarketData.Ingest;

namespace Platform.MarketData.Tests.Ingest;

public sealed class FileLevelProblemsThrowWithReason
{
    [Theory]
    [InlineData("empty.csv", "csv", "the file is empty")]
    [InlineData("empty.csv", "jsonl", "the file is empty")]
    [InlineData("junk.csv", "csv", "the file is not UTF-8 text; upload CSV or JSON Lines, optionally gzip-compressed")]
    [InlineData("objects.jsonl", "csv", "the file holds JSON, not CSV; upload it as jsonl")]
    [InlineData("generic.csv", "jsonl", "the file is not JSON Lines (its first line is not a JSON object or array); upload it as csv")]
    public async Task SampleFileIsRefusedAsAWhole(string name, string format, string reason)
    {
        var exception = await Assert.ThrowsAsync<CandleFileException>(() => SampleFiles.ReadAsync(name, SampleFiles.Format(format), "60"));

        Assert.Equal(reason, exception.Message);
    }

    [Fact]
    public async Task UnrecognizedHeaderListsTheAcceptedColumns()
    {
        var exception = await Assert.ThrowsAsync<CandleFileException>(() => SampleFiles.ReadAsync("bybit-trades.csv", CandleFileFormat.Csv, "60"));

        Assert.Equal(
            "the first line is not a recognizable candle header; expected a time column (open_time, openTime, start_time, startTime, "
            + "time, timestamp, datetime or date), open, high, low, close, and optionally volume and turnover (or quote_volume), "
            + "in any order, names case-insensitive (Binance klines may come without a header)",
            exception.Message);
    }

    [Theory]
    [InlineData("\n \r\n\t\n")]
    [InlineData("\uFEFF")]
    public async Task BlankTextIsEmpty(string text)
    {
        var exception = await Assert.ThrowsAsync<CandleFileException>(
            () => SampleFiles.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), CandleFileFormat.Csv, "60"));

        Assert.Equal("the file is empty", exception.Message);
    }

    [Fact]
    public async Task InvalidUtf8IsNotText()
    {
        var latin1 = Encoding.Latin1.GetBytes("open_time,open,high,low,close,volume,remarque éà\n");

        var exception = await Assert.ThrowsAsync<CandleFileException>(() => SampleFiles.ReadAsync(new MemoryStream(latin1), CandleFileFormat.Csv, "60"));

        Assert.StartsWith("the file is not UTF-8 text", exception.Message);
    }

    [Fact]
    public async Task AWholeFileJsonArrayIsNotJsonLines()
    {
        var freqtrade = Encoding.UTF8.GetBytes("[[1704067200000,42283.5,42298.1,42270.0,42290.3,12.345]]\n");

        var exception = await Assert.ThrowsAsync<CandleFileException>(() => SampleFiles.ReadAsync(new MemoryStream(freqtrade), CandleFileFormat.Jsonl, "60"));

        Assert.Equal("the file is one JSON array, not JSON Lines; write one candle per line", exception.Message);
    }

    [Fact]
    public async Task CorruptGzipIsRefused()
    {
        var gzip = SampleFiles.Gzipped(SampleFiles.Bytes("generic.csv")).ToArray();
        gzip.AsSpan(10).Fill(0xFF);

        var exception = await Assert.ThrowsAsync<CandleFileException>(() => SampleFiles.ReadAsync(new MemoryStream(gzip), CandleFileFormat.Csv, "60"));

        Assert.Equal("the gzip data is corrupt", exception.Message);
    }
}
