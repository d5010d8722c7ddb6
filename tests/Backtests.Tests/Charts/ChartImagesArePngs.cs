using System.Buffers.Binary;
using Platform.Backtests.Charts;
using Platform.Backtests.Tests.Reports;

namespace Platform.Backtests.Tests.Charts;

public sealed class ChartImagesArePngs
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Theory]
    [InlineData(nameof(ChartKind.EquityCurve), true)]
    [InlineData(nameof(ChartKind.EquityCurve), false)]
    [InlineData(nameof(ChartKind.DrawdownOverlay), true)]
    [InlineData(nameof(ChartKind.PnlDistribution), true)]
    public void EachChartRendersAsTwelveHundredBySixHundred(string chart, bool showDrawdown)
    {
        var png = ChartImages.Png(Enum.Parse<ChartKind>(chart), ReportSamples.Engine(), showDrawdown);

        Assert.Equal(Signature, png[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal((1200, 600), (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20))));
    }

    [Fact]
    public void TakesAnotherSize()
    {
        var png = ChartImages.Png(ChartKind.PnlDistribution, ReportSamples.Generated(50), bins: 12, width: 640, height: 360);

        Assert.Equal((640, 360), (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20))));
    }

    [Fact]
    public void ASingleValueHistogramStillRenders()
    {
        var input = ReportSamples.Read("""{"trades": [{"exit_price": 2, "pnl": 5}, {"exit_price": 2, "pnl": 5}]}""");

        Assert.Equal(Signature, ChartImages.Png(ChartKind.PnlDistribution, input)[..8]);
    }
}
