using System.Text;
using Platform.MarketData.Ingest;

namespace Platform.MarketData.Tests.Ingest;

public sealed class GzipIsDetectedByMagicBytes
{
    [Theory]
    [InlineData("generic.csv", "csv")]
    [InlineData("binance-spot-headerless-us.csv", "csv")]
    [InlineData("objects.jsonl", "jsonl")]
    public async Task GzippedContentReadsLikeThePlainFile(string name, string format)
    {
        var plain = await SampleFiles.ReadAsync(name, SampleFiles.Format(format), "60");

        var gzipped = await SampleFiles.ReadAsync(SampleFiles.Gzipped(SampleFiles.Bytes(name)), SampleFiles.Format(format), "60");

        Assert.Equal(plain.Layout, gzipped.Layout);
        Assert.Equal(plain.Rows, gzipped.Rows);
        Assert.NotEmpty(gzipped.Rows);
    }

    [Fact]
    public async Task ContentLongerThanTheSniffedHeadIsReadToTheEnd()
    {
        const long Minute = 60_000;
        var lines = Enumerable.Range(0, 5_000).Select(index => $"{1_704_067_200_000 + index * Minute},100,110,90,105,1");
        var bytes = Encoding.UTF8.GetBytes("open_time,open,high,low,close,volume\n" + string.Join('\n', lines));

        var (_, rows) = await SampleFiles.ReadAsync(SampleFiles.Gzipped(bytes), CandleFileFormat.Csv, "1");

        Assert.Equal(5_000, rows.Length);
        Assert.All(rows, row => Assert.True(row.IsValid));
        Assert.Equal(1_704_067_200_000 + 4_999 * Minute, rows[^1].Candle.OpenTime);
    }

    [Fact]
    public async Task GzipCorruptAfterTheSniffedHeadFailsTheFileWhileReading()
    {
        var lines = Enumerable.Range(0, 5_000).Select(index => $"{1_704_067_200_000 + index * 60_000L},100,110,90,105,1\n");
        var valid = SampleFiles.Gzipped(Encoding.UTF8.GetBytes("open_time,open,high,low,close,volume\n" + string.Concat(lines))).ToArray();
        // A second gzip member whose first deflate block has the reserved block type 11.
        byte[] corrupt = [0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 0xFF, 0x07, 0, 0, 0];

        var exception = await Assert.ThrowsAsync<CandleFileException>(
            () => SampleFiles.ReadAsync(new MemoryStream([.. valid, .. corrupt]), CandleFileFormat.Csv, "1"));

        Assert.Equal("the gzip data is corrupt", exception.Message);
    }
}
