namespace Platform.Backtests.Charts;

/// <summary>The charts of <c>GET /{id}/charts/{kind}</c> (docs/api-behaviour.md, 2.12).</summary>
internal enum ChartKind
{
    EquityCurve,
    DrawdownOverlay,
    PnlDistribution,
}
