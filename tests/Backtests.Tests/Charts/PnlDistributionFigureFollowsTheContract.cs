using System.Globalization;
using System.Text.Json.Nodes;
using Platform.Backtests.Charts;
using Platform.Backtests.Tests.Reports;

namespace Platform.Backtests.Tests.Charts;

public sealed class PnlDistributionFigureFollowsTheContract
{
    // The sample's closed trades; the open one has no PnL and stays out.
    private static readonly double[] Pnl = [95.4, -27.8, 14.2];

    // Read back from its JSON text, as a client sees it.
    private static JsonNode Figure(int bins = 30) =>
        JsonNode.Parse(PlotlyFigures.Build(ChartKind.PnlDistribution, ReportSamples.Engine(), bins: bins).ToJsonString())!;

    [Theory]
    [InlineData(10)]
    [InlineData(30)]
    [InlineData(100)]
    public void IsOneHistogramOfTheClosedTradesPnlWithTheRequestedBins(int bins)
    {
        var histogram = Figure(bins)["data"]!.AsArray().Single()!;

        Assert.Equal("histogram", (string)histogram["type"]!);
        Assert.Equal("PnL Distribution", (string)histogram["name"]!);
        Assert.Equal(bins, (int)histogram["nbinsx"]!);
        Assert.Equal(Pnl, histogram["x"]!.AsArray().Select(x => (double)x!));
    }

    [Fact]
    public void BarsAreColouredByValueFromRedThroughOffWhiteToBlue()
    {
        var marker = Figure()["data"]![0]!["marker"]!;

        Assert.Equal(Pnl, marker["color"]!.AsArray().Select(x => (double)x!));
        Assert.Equal("""[[0,"#E63946"],[0.5,"#F1FAEE"],[1,"#2E86AB"]]""", marker["colorscale"]!.ToJsonString());
        Assert.Equal("#1D3557", (string)marker["line"]!["color"]!);
    }

    [Fact]
    public void LinesMarkTheMeanTheMedianAndZero()
    {
        var shapes = Figure()["layout"]!["shapes"]!.AsArray();

        Assert.Equal(
            [(Pnl.Average(), "dash", "#457B9D"), (14.2, "dot", "#A8DADC"), (0, "solid", "black")],
            shapes.Select(s => ((double)s!["x0"]!, (string)s["line"]!["dash"]!, (string)s["line"]!["color"]!)));
        Assert.All(shapes, s => Assert.Equal(((double)s!["x0"]!, "line", "y domain", 0.0, 1.0), ((double)s["x1"]!, (string)s["type"]!, (string)s["yref"]!, (double)s["y0"]!, (double)s["y1"]!)));
    }

    [Fact]
    public void TheAnnotationGivesMeanMedianAndPopulationStdDev()
    {
        var mean = (95.4 - 27.8 + 14.2) / 3;
        var std = Math.Sqrt(Pnl.Sum(p => (p - mean) * (p - mean)) / Pnl.Length);
        var expected = string.Create(CultureInfo.InvariantCulture, $"Stats: Mean=${mean:F2}, Median=$14.20, StdDev=${std:F2}");

        var annotation = Figure()["layout"]!["annotations"]!.AsArray().Single()!;

        Assert.Equal("Stats: Mean=$27.27, Median=$14.20, StdDev=$51.14", expected);
        Assert.Equal(expected, (string)annotation["text"]!);
        Assert.Equal(("paper", 1.05), ((string)annotation["yref"]!, (double)annotation["y"]!));
    }

    [Fact]
    public void TheMedianOfAnEvenCountIsTheMiddlePairsMean()
    {
        var input = ReportSamples.Read("""{"trades": [{"exit_price": 1, "pnl": 4}, {"exit_price": 1, "pnl": -2}, {"exit_price": 1, "pnl": 10}, {"exit_price": 1, "pnl": 1}]}""");

        var median = PlotlyFigures.Build(ChartKind.PnlDistribution, input)["layout"]!["shapes"]![1]!["x0"]!.GetValue<double>();

        Assert.Equal(2.5, median);
    }

    [Fact]
    public void TheLayoutIsTitledFiveHundredHighWithoutLegend()
    {
        var layout = Figure()["layout"]!;

        Assert.Equal("PnL Distribution", (string)layout["title"]!["text"]!);
        Assert.Equal("PnL ($)", (string)layout["xaxis"]!["title"]!["text"]!);
        Assert.Equal("Frequency", (string)layout["yaxis"]!["title"]!["text"]!);
        Assert.Equal(500, (int)layout["height"]!);
        Assert.False((bool)layout["showlegend"]!);
        Assert.Equal("plotly_white", (string)layout["template"]!);
    }
}
