using System.Text.Json.Nodes;
using Platform.Backtests.Reports;

namespace Platform.Backtests.Charts;

/// <summary>
/// The charts' Plotly figures (<c>{"data": [...], "layout": {...}}</c>, docs/api-behaviour.md, 2.12). Check the input with
/// <see cref="ChartErrors.Check"/> first: a figure of an input that cannot make it throws.
/// For the contract's answer, send <c>{"plotly_json": figure.ToJsonString()}</c>.
/// </summary>
internal static class PlotlyFigures
{
    public static JsonObject Build(ChartKind kind, ReportInput input, bool showDrawdown = true, int bins = ChartErrors.DefaultBins)
    {
        if (ChartErrors.Check(kind, input) is { } error)
        {
            throw new InvalidOperationException(error);
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(bins, ChartErrors.MinBins);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bins, ChartErrors.MaxBins);

        return kind switch
        {
            ChartKind.EquityCurve => EquityCurveFigure.Build(EquityChartData.From(input.Equity), showDrawdown),
            ChartKind.DrawdownOverlay => DrawdownOverlayFigure.Build(EquityChartData.From(input.Equity)),
            _ => PnlDistributionFigure.Build(PnlStatistics.From(input), bins),
        };
    }
}
