using Platform.MarketData.Candles;
using Platform.MarketData.Ingest;

namespace Platform.MarketData.Tests.Ingest;

public sealed class JsonlLinesParseToCandles
{
    // 2024-01-01 00:00 UTC (`date -u -d 2024-01-01 +%s`).
    private const long Jan1st2024 = 1_704_067_200_000;
    private const long Hour = 3_600_000;

    [Fact]
    public async Task ObjectsTakeAnyTimeKeyAndSkipBlankLines()
    {
        var (layout, rows) = await SampleFiles.ReadAsync("objects.jsonl", CandleFileFormat.Jsonl, "60");

        Assert.Equal(CandleFileLayout.Jsonl, layout);
        Assert.Equal(
            [
                CandleFileRow.Valid(1, new Candle(Jan1st2024, 42283.5, 42298.1, 42270, 42290.3, 12.345, 522000.5)),
                CandleFileRow.Valid(3, new Candle(Jan1st2024 + Hour, 42290.3, 42350, 42280.2, 42310, 8.5, null)),
                CandleFileRow.Valid(4, new Candle(Jan1st2024 + 2 * Hour, 42310, 42320, 42200, 42250.1, 0, null)),
                CandleFileRow.Valid(5, new Candle(Jan1st2024 + 3 * Hour, 42250.1, 42260, 42240, 42255, 0, null)),
            ],
            rows);
    }

    [Fact]
    public async Task ArraysHoldTimeOhlcAndOptionalVolumeAndTurnover()
    {
        var (layout, rows) = await SampleFiles.ReadAsync("arrays.jsonl", CandleFileFormat.Jsonl, "60");

        Assert.Equal(CandleFileLayout.JsonlArray, layout);
        Assert.Equal(
            [
                CandleFileRow.Valid(1, new Candle(Jan1st2024, 42283.5, 42298.1, 42270, 42290.3, 12.345, null)),
                CandleFileRow.Valid(2, new Candle(Jan1st2024 + Hour, 42290.3, 42350, 42280.2, 42310, 0, null)),
                CandleFileRow.Valid(3, new Candle(Jan1st2024 + 2 * Hour, 42310, 42320, 42200, 42250.1, 10, 423001.5)),
            ],
            rows);
    }

    [Fact]
    public async Task LinesThatAreNotCandleJsonAreRejectedByLineNumber()
    {
        var (_, rows) = await SampleFiles.ReadAsync("bad-lines.jsonl", CandleFileFormat.Jsonl, "60");

        Assert.Equal([1, 8], rows.Where(row => row.IsValid).Select(row => row.Row));
        var rejections = rows.Where(row => !row.IsValid).ToDictionary(row => row.Row, row => row.Rejection);
        Assert.Equal([2, 3, 4, 5, 6], rejections.Keys);
        Assert.StartsWith("invalid JSON", rejections[2]);
        Assert.Equal("expected a JSON object or array", rejections[3]);
        Assert.Equal("expected an array of 5 to 7 values [time, open, high, low, close, volume, turnover], found 3", rejections[4]);
        Assert.Equal("open time is missing", rejections[5]);
        Assert.Equal("open 'true' is not a number", rejections[6]);
    }
}
