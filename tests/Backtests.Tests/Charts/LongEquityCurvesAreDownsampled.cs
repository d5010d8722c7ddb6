using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Backtests.Charts;
using Platform.Backtests.Reports;
using Platform.Backtests.Tests.Reports;
using Platform.Testing;

namespace Platform.Backtests.Tests.Charts;

public sealed class LongEquityCurvesAreDownsampled
{
    private const int Bars = 1_000_000;

    // A random walk of a million hourly bars with a known peak and, later, a known trough.
    private static readonly Lazy<(ReportInput Input, double Peak, double Trough)> Run = new(() =>
    {
        var (time, equity) = EquityWalk.Hourly(Bars, seed: 5);
        equity[312_345] = 20_000;
        equity[777_777] = 1_000;
        using var empty = JsonDocument.Parse("{}");
        return (ReportInput.From(ReportSamples.Header, empty.RootElement, new EquitySeries(time, equity)), 20_000, 1_000);
    });

    [Theory]
    [InlineData(nameof(ChartKind.EquityCurve))]
    [InlineData(nameof(ChartKind.DrawdownOverlay))]
    public void AMillionBarsChartStaysSmall(string chart)
    {
        // Its build time is measured by bench/Backtests.Bench (case=chart_*_1m), not here, where the machine's load decides it.
        var json = PlotlyFigures.Build(Enum.Parse<ChartKind>(chart), Run.Value.Input).ToJsonString();

        Assert.True(json.Length < 500_000, $"{json.Length} characters");
    }

    [Fact]
    public void EveryTraceStaysWithinThePointBudget()
    {
        var figure = PlotlyFigures.Build(ChartKind.EquityCurve, Run.Value.Input);

        Assert.All(figure["data"]!.AsArray(), trace =>
        {
            Assert.InRange(trace!["y"]!.AsArray().Count, 1_000, EquityChartData.MaxPoints);
            Assert.Equal(trace["y"]!.AsArray().Count, trace["x"]!.AsArray().Count);
        });
    }

    [Fact]
    public void ThePeakTheTroughAndTheDeepestDrawdownSurvive()
    {
        var (input, peak, trough) = Run.Value;
        var figure = PlotlyFigures.Build(ChartKind.EquityCurve, input);

        var equity = Values(figure["data"]![0]!);
        var drawdown = Values(figure["data"]![1]!);

        Assert.Equal(peak, equity.Max());
        Assert.Equal(trough, equity.Min());
        Assert.Equal((trough - peak) / peak * 100, drawdown.Min());
        Assert.Equal(Plotly.Time(input.Equity.Time[0]), (string)figure["data"]![0]!["x"]![0]!);
        Assert.Equal(Plotly.Time(input.Equity.Time[^1]), (string)figure["data"]![0]!["x"]!.AsArray()[^1]!);
    }

    private static double[] Values(JsonNode trace) => [.. trace["y"]!.AsArray().Select(y => (double)y!)];
}
