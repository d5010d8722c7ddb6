using System.Text;
using Platform.MarketData.Ingest;

namespace Platform.MarketData.Tests.Ingest;

public sealed class FormatIsToldFromNameAndContent
{
    [Theory]
    [InlineData("BYBIT_BTCUSDT.P, 60.csv", "csv")]
    [InlineData("candles.CSV", "csv")]
    [InlineData("BTCUSDT2024-01-01.csv.gz", "csv")]
    [InlineData("candles.jsonl", "jsonl")]
    [InlineData("candles.JSONL.GZ", "jsonl")]
    [InlineData("upload.gz", null)]
    [InlineData("candles.json", null)]
    [InlineData("candles.zip", null)]
    [InlineData("csv", null)]
    public void NameGivesTheFormat(string fileName, string? format) =>
        Assert.Equal(format is null ? null : SampleFiles.Format(format), CandleFileReader.FormatOf(fileName));

    [Theory]
    [InlineData("candles.csv", true)]
    [InlineData("candles.jsonl.gz", true)]
    [InlineData("upload.gz", true)]
    [InlineData(".gz", true)]
    [InlineData("candles.json", false)]
    [InlineData("candles.xlsx", false)]
    [InlineData("candles.csv.zip", false)]
    public void OnlyCsvJsonlAndGzipNamesAreAccepted(string fileName, bool accepted) =>
        Assert.Equal(accepted, CandleFileReader.IsAcceptedName(fileName));

    [Theory]
    [InlineData("generic.csv", "csv")]
    [InlineData("binance-spot-headerless-us.csv", "csv")]
    [InlineData("objects.jsonl", "jsonl")]
    [InlineData("arrays.jsonl", "jsonl")]
    public async Task ContentGivesTheFormatPlainOrGzipped(string name, string format)
    {
        Assert.Equal(SampleFiles.Format(format), await SampleFiles.SniffAsync(new MemoryStream(SampleFiles.Bytes(name))));
        Assert.Equal(SampleFiles.Format(format), await SampleFiles.SniffAsync(SampleFiles.Gzipped(SampleFiles.Bytes(name))));
    }

    [Fact]
    public async Task JsonAfterByteOrderMarkAndBlankLinesIsJsonl()
    {
        var content = new MemoryStream(Encoding.UTF8.GetBytes("\uFEFF\n\n  {\"open_time\": 1704067200000}\n"));

        Assert.Equal(CandleFileFormat.Jsonl, await SampleFiles.SniffAsync(content));
    }

    [Theory]
    [InlineData("empty.csv", "the file is empty")]
    [InlineData("junk.csv", "the file is not UTF-8 text; upload CSV or JSON Lines, optionally gzip-compressed")]
    public async Task ContentThatIsNeitherIsRefused(string name, string reason)
    {
        var exception = await Assert.ThrowsAsync<CandleFileException>(() => SampleFiles.SniffAsync(new MemoryStream(SampleFiles.Bytes(name))));

        Assert.Equal(reason, exception.Message);
    }
}
