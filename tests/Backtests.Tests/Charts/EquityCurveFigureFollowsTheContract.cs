using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Backtests.Charts;
using Platform.Backtests.Reports;
using Platform.Backtests.Tests.Reports;

namespace Platform.Backtests.Tests.Charts;

public sealed class EquityCurveFigureFollowsTheContract
{
    private static readonly string[] Hours =
        ["2025-01-01T00:00:00", "2025-01-01T01:00:00", "2025-01-01T02:00:00", "2025-01-01T03:00:00", "2025-01-01T04:00:00"];

    private static JsonNode WithDrawdown() => Figure(showDrawdown: true);

    // Read back from its JSON text, as a client sees it.
    private static JsonNode Figure(bool showDrawdown) =>
        JsonNode.Parse(PlotlyFigures.Build(ChartKind.EquityCurve, ReportSamples.Engine(), showDrawdown).ToJsonString())!;

    [Fact]
    public void TheEquityTraceIsAFilledBlueLine()
    {
        var equity = WithDrawdown()["data"]![0]!;

        Assert.Equal("scatter", (string)equity["type"]!);
        Assert.Equal("Equity", (string)equity["name"]!);
        Assert.Equal("#2E86AB", (string)equity["line"]!["color"]!);
        Assert.Equal(2, (double)equity["line"]!["width"]!);
        Assert.Equal("tozeroy", (string)equity["fill"]!);
        Assert.Equal("rgba(46, 134, 171, 0.1)", (string)equity["fillcolor"]!);
        Assert.Equal(Hours, equity["x"]!.AsArray().Select(x => (string)x!));
        Assert.Equal([10_000, 10_050, 10_095.4, 10_040, 10_081.8], equity["y"]!.AsArray().Select(y => (double)y!));
    }

    [Fact]
    public void TheDrawdownTraceIsInPercentFromTheRunningPeakInTheLowerSubplot()
    {
        var drawdown = WithDrawdown()["data"]![1]!;

        Assert.Equal("Drawdown", (string)drawdown["name"]!);
        Assert.Equal("#E63946", (string)drawdown["line"]!["color"]!);
        Assert.Equal(1.5, (double)drawdown["line"]!["width"]!);
        Assert.Equal("tozeroy", (string)drawdown["fill"]!);
        Assert.Equal(("x2", "y2"), ((string)drawdown["xaxis"]!, (string)drawdown["yaxis"]!));
        double[] expected = [0, 0, 0, (10_040 - 10_095.4) / 10_095.4 * 100, (10_081.8 - 10_095.4) / 10_095.4 * 100];
        Assert.Equal(expected, drawdown["y"]!.AsArray().Select(y => (double)y!));
    }

    [Fact]
    public void TheSubplotsAreStackedSeventyThirtyWithTheirTitles()
    {
        var layout = WithDrawdown()["layout"]!;

        Assert.Equal("x2", (string)layout["xaxis"]!["matches"]!);
        Assert.Equal([0.335, 1], layout["yaxis"]!["domain"]!.AsArray().Select(d => (double)d!));
        Assert.Equal([0, 0.285], layout["yaxis2"]!["domain"]!.AsArray().Select(d => (double)d!));
        Assert.Equal("Time", (string)layout["xaxis2"]!["title"]!["text"]!);
        Assert.Equal("Equity ($)", (string)layout["yaxis"]!["title"]!["text"]!);
        Assert.Equal("Drawdown (%)", (string)layout["yaxis2"]!["title"]!["text"]!);
        Assert.Equal(["Equity Curve", "Drawdown (%)"], layout["annotations"]!.AsArray().Select(a => (string)a!["text"]!));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TheLayoutIsSixHundredHighWithUnifiedHover(bool showDrawdown)
    {
        var layout = Figure(showDrawdown)["layout"]!;

        Assert.Equal(600, (int)layout["height"]!);
        Assert.Equal("x unified", (string)layout["hovermode"]!);
        Assert.True((bool)layout["showlegend"]!);
        Assert.Equal("plotly_white", (string)layout["template"]!);
    }

    [Fact]
    public void WithoutDrawdownItIsOneTitledPlot()
    {
        var figure = Figure(showDrawdown: false);

        Assert.Single(figure["data"]!.AsArray());
        Assert.Equal("Equity Curve", (string)figure["layout"]!["title"]!["text"]!);
        Assert.Equal("Time", (string)figure["layout"]!["xaxis"]!["title"]!["text"]!);
        Assert.Null(figure["layout"]!["yaxis2"]);
    }

    [Fact]
    public void TheHandWrittenEquityListChartsTheSame()
    {
        var legacy = JsonNode.Parse(PlotlyFigures.Build(ChartKind.EquityCurve, ReportSamples.Legacy()).ToJsonString());

        Assert.True(JsonNode.DeepEquals(WithDrawdown(), legacy));
    }

    [Fact]
    public void ANonFinitePointBecomesAGap()
    {
        using var empty = JsonDocument.Parse("{}");
        var curve = new EquitySeries([0, 1_000, 2_000], [100, double.NaN, 50]);
        var input = ReportInput.From(ReportSamples.Header, empty.RootElement, curve);

        var figure = JsonNode.Parse(PlotlyFigures.Build(ChartKind.EquityCurve, input).ToJsonString())!;

        Assert.Equal("[100,null,50]", figure["data"]![0]!["y"]!.ToJsonString());
        Assert.Equal("[0,null,-50]", figure["data"]![1]!["y"]!.ToJsonString());
    }

    [Fact]
    public void SerialisesAsThePlotlyJsonString()
    {
        var plotlyJson = WithDrawdown().ToJsonString();

        Assert.Equal(["data", "layout"], JsonNode.Parse(plotlyJson)!.AsObject().Select(p => p.Key));
    }
}
