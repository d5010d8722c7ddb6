using Platform.MarketData.Ingest;

namespace Platform.MarketData.Tests.Ingest;

public sealed class GzipIsDetectedByMagicBytes
{
    [Theory]
    [InlineData("generic.csv", CandleFileFormat.Csv)]
    [InlineData("binance-spot-headerless-us.csv", CandleFileFormat.Csv)]
    [InlineData("objects.jsonl", CandleFileFormat.Jsonl)]
    public async Task GzippedContentReadsLikeThePlainFile(string name, CandleFileFormat format)
    {
        var plain = await SampleFiles.ReadAsync(name, format, "60");

        var gzipped = await SampleFiles.ReadAsync(SampleFiles.Gzipped(SampleFiles.Bytes(name)), format, "60");

        Assert.Equal(plain.Layout, gzipped.Layout);
        Assert.Equal(plain.Rows, gzipped.Rows);
        Assert.NotEmpty(gzipped.Rows);
    }

    [Fact]
    public async Task ContentLongerThanTheSniffedHeadIsReadToTheEnd()
    {
        const long Minute = 60_000;
        var lines = Enumerable.Range(0, 5_000).Select(index => $"{1_704_067_200_000 + index * Minute},100,110,90,105,1");
        var bytes = System.Text.Encoding.UTF8.GetBytes("open_time,open,high,low,close,volume\n" + string.Join('\n', lines));

        var (_, rows) = await SampleFiles.ReadAsync(SampleFiles.Gzipped(bytes), CandleFileFormat.Csv, "1");

        Assert.Equal(5_000, rows.Length);
        Assert.All(rows, row => Assert.True(row.IsValid));
        Assert.Equal(1_704_067_200_000 + 4_999 * Minute, rows[^1].Candle.OpenTime);
    }
}
