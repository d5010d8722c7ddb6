using System.Text.Json.Nodes;
using Platform.Backtests.Charts;
using Platform.Backtests.Tests.Reports;

namespace Platform.Backtests.Tests.Charts;

public sealed class DrawdownOverlayFigureFollowsTheContract
{
    // Read back from its JSON text, as a client sees it.
    private static JsonNode Figure() => JsonNode.Parse(PlotlyFigures.Build(ChartKind.DrawdownOverlay, ReportSamples.Engine()).ToJsonString())!;

    [Fact]
    public void EquityIsAWideLineOnThePrimaryAxis()
    {
        var equity = Figure()["data"]![0]!;

        Assert.Equal("Equity", (string)equity["name"]!);
        Assert.Equal("#2E86AB", (string)equity["line"]!["color"]!);
        Assert.Equal(2.5, (double)equity["line"]!["width"]!);
        Assert.Equal("y", (string)equity["yaxis"]!);
        Assert.Null(equity["fill"]);
    }

    [Fact]
    public void DrawdownIsDottedRedAndFilledOnTheSecondaryAxis()
    {
        var drawdown = Figure()["data"]![1]!;

        Assert.Equal("Drawdown", (string)drawdown["name"]!);
        Assert.Equal("#E63946", (string)drawdown["line"]!["color"]!);
        Assert.Equal("dot", (string)drawdown["line"]!["dash"]!);
        Assert.Equal("tozeroy", (string)drawdown["fill"]!);
        Assert.Equal("rgba(230, 57, 70, 0.15)", (string)drawdown["fillcolor"]!);
        Assert.Equal("y2", (string)drawdown["yaxis"]!);
        Assert.Equal((10_040 - 10_095.4) / 10_095.4 * 100, drawdown["y"]!.AsArray().Min(y => (double)y!));
    }

    [Fact]
    public void TheSecondaryAxisOverlaysThePrimaryOnTheRight()
    {
        var layout = Figure()["layout"]!;

        Assert.Equal("y", (string)layout["yaxis2"]!["overlaying"]!);
        Assert.Equal("right", (string)layout["yaxis2"]!["side"]!);
        Assert.Equal("Drawdown (%)", (string)layout["yaxis2"]!["title"]!["text"]!);
        Assert.Equal("Equity ($)", (string)layout["yaxis"]!["title"]!["text"]!);
        Assert.Equal("Time", (string)layout["xaxis"]!["title"]!["text"]!);
    }

    [Fact]
    public void TheLayoutIsTitledAndSixHundredHigh()
    {
        var layout = Figure()["layout"]!;

        Assert.Equal("Equity & Drawdown Analysis", (string)layout["title"]!["text"]!);
        Assert.Equal(600, (int)layout["height"]!);
        Assert.Equal("x unified", (string)layout["hovermode"]!);
        Assert.Equal("plotly_white", (string)layout["template"]!);
    }
}
