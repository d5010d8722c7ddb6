namespace Platform.Backtests.Charts;

/// <summary>The charts of <c>GET /{id}/charts/{kind}</c> (api-contract §4.10–4.12).</summary>
internal enum ChartKind
{
    EquityCurve,
    DrawdownOverlay,
    PnlDistribution,
}
