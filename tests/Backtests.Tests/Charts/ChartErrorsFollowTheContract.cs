using Platform.Backtests.Charts;
using Platform.Backtests.Tests.Reports;

namespace Platform.Backtests.Tests.Charts;

public sealed class ChartErrorsFollowTheContract
{
    [Theory]
    [InlineData("{}", nameof(ChartKind.EquityCurve), "No equity data available")]
    [InlineData("""{"equity": []}""", nameof(ChartKind.DrawdownOverlay), "No equity data available")]
    [InlineData("{}", nameof(ChartKind.PnlDistribution), "No trades available")]
    [InlineData("""{"trades": [{"entry_price": 1, "pnl": 3}]}""", nameof(ChartKind.PnlDistribution), "No completed trades available")]
    [InlineData("""{"trades": [{"entry_price": 1, "exit_price": 2}]}""", nameof(ChartKind.PnlDistribution), "No completed trades available")]
    public void InputsThatCannotChartAreNamed(string json, string chart, string message)
    {
        var input = ReportSamples.Read(json);
        var kind = Enum.Parse<ChartKind>(chart);

        Assert.Equal(message, ChartErrors.Check(kind, input));
        Assert.Equal(message, Assert.Throws<InvalidOperationException>(() => PlotlyFigures.Build(kind, input)).Message);
        Assert.Equal(message, Assert.Throws<InvalidOperationException>(() => ChartImages.Png(kind, input)).Message);
    }

    [Theory]
    [InlineData(nameof(ChartKind.EquityCurve))]
    [InlineData(nameof(ChartKind.DrawdownOverlay))]
    [InlineData(nameof(ChartKind.PnlDistribution))]
    public void TheSampleChartsEveryKind(string chart) => Assert.Null(ChartErrors.Check(Enum.Parse<ChartKind>(chart), ReportSamples.Engine()));

    [Theory]
    [InlineData(9)]
    [InlineData(101)]
    public void BinsOutsideTenToHundredAreRefused(int bins) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PlotlyFigures.Build(ChartKind.PnlDistribution, ReportSamples.Engine(), bins: bins));

    [Fact]
    public void MessagesAreWordedAsTheOriginals()
    {
        Assert.Equal("Backtest must be completed to generate charts", ChartErrors.NotCompleted);
        Assert.Equal((10, 100, 30), (ChartErrors.MinBins, ChartErrors.MaxBins, ChartErrors.DefaultBins));
    }

    [Theory]
    [InlineData(null, nameof(ChartFormat.PlotlyJson))]
    [InlineData("plotly_json", nameof(ChartFormat.PlotlyJson))]
    [InlineData("figure", nameof(ChartFormat.Figure))]
    [InlineData("png", nameof(ChartFormat.Png))]
    public void FormatsParse(string? name, string expected)
    {
        Assert.True(ChartFormats.TryParse(name, out var format));
        Assert.Equal(expected, format.ToString());
    }

    [Fact]
    public void UnknownFormatsAreRefused()
    {
        Assert.False(ChartFormats.TryParse("svg", out _));
        Assert.Equal("Invalid format: svg. Must be one of: plotly_json, figure, png", ChartFormats.Invalid("svg"));
    }
}
