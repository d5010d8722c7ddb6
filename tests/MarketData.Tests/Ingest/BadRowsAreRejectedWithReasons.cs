using System.Text;
using Platform.MarketData.Ingest;

namespace Platform.MarketData.Tests.Ingest;

public sealed class BadRowsAreRejectedWithReasons
{
    [Fact]
    public async Task EachBadRowIsRejectedByLineWithItsProblemAndTheGoodRowsStay()
    {
        var (_, rows) = await SampleFiles.ReadAsync("bad-rows.csv", CandleFileFormat.Csv, "1");

        Assert.Equal([2, 13], rows.Where(row => row.IsValid).Select(row => row.Row));
        Assert.Equal(
            SampleFiles.BadRows,
            rows.Where(row => !row.IsValid).Select(row => (row.Row, row.Rejection!)));
    }

    [Theory]
    [InlineData("1704067200000,NaN,110,90,105,5,", "open NaN is not a positive finite price")]
    [InlineData("1704067200000,100,1e400,90,105,5,", "high Infinity is not a positive finite price")]
    [InlineData("1704067200000,100,110,90,105,Infinity,", "volume Infinity is not finite")]
    [InlineData("1704067200000,100,110,90,105,5,-1", "turnover -1 is negative")]
    [InlineData("1704067200000,100,110,90,105,5,1234567890123456789012345678901234567890x", "turnover '12345678901234567890123456789012…' is not a number")]
    [InlineData("1704067200,100,110,90,105,5,", null)]
    [InlineData("1704067200.000,100,110,90,105,5,", null)]
    [InlineData("17040672000,100,110,90,105,5,", "open time '17040672000' is not a timestamp (epoch seconds, ms or µs, or ISO-8601)")]
    public async Task NumbersAndTimesAreCheckedCellByCell(string line, string? rejection)
    {
        var content = new MemoryStream(Encoding.UTF8.GetBytes($"open_time,open,high,low,close,volume,turnover\n{line}\n"));

        var (_, rows) = await SampleFiles.ReadAsync(content, CandleFileFormat.Csv, "1");

        Assert.Equal(rejection, Assert.Single(rows).Rejection);
    }
}
