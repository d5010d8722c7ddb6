using Platform.MarketData.Candles;
using Platform.MarketData.Ingest;

namespace Platform.MarketData.Tests.Ingest;

public sealed class CsvLayoutsParseToUtcCandles
{
    // Hour starts worked out with `date -u -d ... +%s`.
    private const long Jan1st2024 = 1_704_067_200_000;
    private const long Jan1st2025 = 1_735_689_600_000;
    private const long Dec9th2022At16 = 1_670_601_600_000;
    private const long Jan2nd2024At1430 = 1_704_205_800_000;
    private const long Jan3rd2024 = 1_704_240_000_000;
    private const long Hour = 3_600_000;
    private const long HalfHour = 1_800_000;

    [Fact]
    public async Task GenericHeaderMapsColumnsInAnyOrderAndIgnoresOthers()
    {
        var (layout, rows) = await SampleFiles.ReadAsync("generic.csv", CandleFileFormat.Csv, "60");

        Assert.Equal(CandleFileLayout.Generic, layout);
        Assert.Equal(
            [
                CandleFileRow.Valid(2, new Candle(Jan1st2024, 42283.5, 42298.1, 42270, 42290.3, 12.345, 522000.5)),
                CandleFileRow.Valid(3, new Candle(Jan1st2024 + Hour, 42290.3, 42350, 42280.2, 42310, 8.5, 359000)),
                CandleFileRow.Valid(4, new Candle(Jan1st2024 + 2 * Hour, 42310, 42320, 42200, 42250.1, 10, null)),
            ],
            rows);
    }

    [Fact]
    public async Task HeaderlessBinanceSpotMicrosecondsBecomeMilliseconds()
    {
        var (layout, rows) = await SampleFiles.ReadAsync("binance-spot-headerless-us.csv", CandleFileFormat.Csv, "60");

        Assert.Equal(CandleFileLayout.BinanceKline, layout);
        Assert.Equal(
            [
                CandleFileRow.Valid(1, new Candle(Jan1st2025, 4.1507, 4.1587, 4.1506, 4.1554, 539.23, 2240.398609)),
                CandleFileRow.Valid(2, new Candle(Jan1st2025 + Hour, 4.1554, 4.16, 4.15, 4.159, 100, 415.5)),
                CandleFileRow.Valid(3, new Candle(Jan1st2025 + 2 * Hour, 4.159, 4.159, 4.14, 4.145, 250.5, 1039.12)),
            ],
            rows);
    }

    [Fact]
    public async Task BinanceFuturesHeaderKeepsMillisecondsAndQuoteVolumeAsTurnover()
    {
        var (layout, rows) = await SampleFiles.ReadAsync("binance-futures-header-ms.csv", CandleFileFormat.Csv, "60");

        Assert.Equal(CandleFileLayout.BinanceKline, layout);
        Assert.Equal(
            [
                CandleFileRow.Valid(2, new Candle(Jan1st2025, 93548.8, 95161.2, 92796.5, 94580.9, 91236.66, 8572615379.7751)),
                CandleFileRow.Valid(3, new Candle(Jan1st2025 + Hour, 94580.9, 94700, 94400.1, 94650, 1200.5, 113600000.25)),
            ],
            rows);
    }

    [Fact]
    public async Task BybitApiDumpKeepsItsNewestFirstOrder()
    {
        var (layout, rows) = await SampleFiles.ReadAsync("bybit-api-newest-first.csv", CandleFileFormat.Csv, "60");

        Assert.Equal(CandleFileLayout.BybitApi, layout);
        Assert.Equal(
            [
                CandleFileRow.Valid(2, new Candle(Dec9th2022At16 + 2 * Hour, 17071, 17073, 17027, 17055.5, 268611, 15.74462667)),
                CandleFileRow.Valid(3, new Candle(Dec9th2022At16 + Hour, 17050, 17080, 17040, 17071, 1000, 0.0586)),
                CandleFileRow.Valid(4, new Candle(Dec9th2022At16, 17020, 17060, 17010, 17050, 2500.5, 0.14673)),
            ],
            rows);
    }

    [Fact]
    public async Task TradingViewSecondsWithVolumeIgnoreEmptyIndicatorCells()
    {
        var (layout, rows) = await SampleFiles.ReadAsync("tradingview-seconds.csv", CandleFileFormat.Csv, "30");

        Assert.Equal(CandleFileLayout.TradingView, layout);
        Assert.Equal(
            [
                CandleFileRow.Valid(2, new Candle(Jan2nd2024At1430, 187.15, 188.44, 183.89, 185.64, 82488700, null)),
                CandleFileRow.Valid(3, new Candle(Jan2nd2024At1430 + HalfHour, 185.64, 186.1, 185, 185.9, 1200000, null)),
                CandleFileRow.Valid(4, new Candle(Jan2nd2024At1430 + 2 * HalfHour, 185.9, 186.5, 185.8, 186.2, 900000, null)),
            ],
            rows);
    }

    [Fact]
    public async Task TradingViewIsoTimesWithOffsetAreConvertedToUtcAndMissingVolumeIsZero()
    {
        var (layout, rows) = await SampleFiles.ReadAsync("tradingview-iso-offset.csv", CandleFileFormat.Csv, "60");

        Assert.Equal(CandleFileLayout.TradingView, layout);
        Assert.Equal(
            [
                CandleFileRow.Valid(2, new Candle(Jan3rd2024, 42800, 42950.5, 42700, 42900, 0, null)),
                CandleFileRow.Valid(3, new Candle(Jan3rd2024 + Hour, 42900, 43000, 42850.25, 42875, 0, null)),
            ],
            rows);
    }

    [Fact]
    public async Task PandasDatesWithUtcOffsetParse()
    {
        var (layout, rows) = await SampleFiles.ReadAsync("pandas-date.csv", CandleFileFormat.Csv, "60");

        Assert.Equal(CandleFileLayout.Pandas, layout);
        Assert.Equal(
            [
                CandleFileRow.Valid(2, new Candle(Jan1st2024, 42283.5, 42298.1, 42270, 42290.3, 12.345, null)),
                CandleFileRow.Valid(3, new Candle(Jan1st2024 + Hour, 42290.3, 42350, 42280.2, 42310, 8.5, null)),
            ],
            rows);
    }

    [Fact]
    public async Task HeaderOnlyFileHasALayoutAndNoRows()
    {
        var (layout, rows) = await SampleFiles.ReadAsync("header-only.csv", CandleFileFormat.Csv, "60");

        Assert.Equal(CandleFileLayout.Generic, layout);
        Assert.Empty(rows);
    }

    /// <summary>
    /// Cells as the reader splits them: CRLF endings, quoted header names and values (a comma inside quotes is text),
    /// empty lines skipped but counted in the line numbers, a stray quote inside a value kept as text (so that one value
    /// fails, not the file), and a row of another width rejected with its count.
    /// </summary>
    [Fact]
    public async Task QuotesLineEndsAndEmptyLinesFollowTheUsualCsvRules()
    {
        var text = "\"open_time\",\"open\",high,low,close,volume\r\n"
            + $"{Jan1st2024},\"100.5\",101,100,100.75,\"1,5\"\r\n"
            + "\r\n"
            + $"{Jan1st2024 + Hour},100.75,10\"2,100,101,2\r\n"
            + $"{Jan1st2024 + 2 * Hour},101,102,100,101.5,3\r\n"
            + $"{Jan1st2024 + 3 * Hour},101.5,102,101\n";

        var (layout, rows) = await SampleFiles.ReadAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), CandleFileFormat.Csv, "60");

        Assert.Equal(CandleFileLayout.Generic, layout);
        Assert.Equal(
            [
                CandleFileRow.Rejected(2, "volume '1,5' is not a number"),
                CandleFileRow.Rejected(4, "high '10\"2' is not a number"),
                CandleFileRow.Valid(5, new Candle(Jan1st2024 + 2 * Hour, 101, 102, 100, 101.5, 3, null)),
                CandleFileRow.Rejected(6, "expected 6 columns, found 4"),
            ],
            rows);
    }
}
