namespace Platform.Engine.Metrics;

/// <summary>
/// Result metrics. The first block keeps the original system's names and units (docs/api-behaviour.md, 1.6:
/// fractions, not percent); the rest are additions. Serialized in snake_case, property names give
/// the original keys (TotalReturn → total_return). Total fees, largest win/loss, average bars held
/// and buy-and-hold return live in <see cref="Metrics"/> as total_commission, max_win/max_loss,
/// avg_bars and buy_hold_return_pct. Every number is finite.
/// </summary>
public sealed record BacktestMetrics
{
    public required double FinalCapital { get; init; }

    /// <summary>Fraction: 0.10 is +10 %.</summary>
    public required double TotalReturn { get; init; }

    public required int TotalTrades { get; init; }

    public required int WinningTrades { get; init; }

    public required int LosingTrades { get; init; }

    /// <summary>Fraction 0–1 of trades with PnL &gt; 0.</summary>
    public required double WinRate { get; init; }

    /// <summary>Per-bar excess returns, mean / sample standard deviation × √(bars per year); 0 when undefined.</summary>
    public required double SharpeRatio { get; init; }

    /// <summary>Per-bar mean excess return / downside deviation × √(bars per year); 0 when undefined.</summary>
    public required double SortinoRatio { get; init; }

    /// <summary>Largest peak-to-trough equity fall as a fraction of the initial capital (original definition).</summary>
    public required double MaxDrawdown { get; init; }

    /// <summary>Gross profit / |gross loss|; null when there are profits but no losses (the ratio would be infinite), 0 without profits.</summary>
    public required double? ProfitFactor { get; init; }

    public required double TotalReturnPct { get; init; }

    /// <summary>Compound annual growth in percent over the series' time span, capped at <see cref="MetricsCalculator.Cap"/>.</summary>
    public required double CagrPct { get; init; }

    public required double AnnualizedVolatilityPct { get; init; }

    /// <summary>CAGR / max drawdown (of the peak); 0 without drawdown.</summary>
    public required double CalmarRatio { get; init; }

    /// <summary>Longest stretch, in bars, from an equity peak until equity regains it (or the series ends).</summary>
    public required int MaxDrawdownDurationBars { get; init; }

    /// <summary>Mean net PnL per trade: win rate × average win + loss rate × average loss.</summary>
    public required double Expectancy { get; init; }

    /// <summary>Percent of bars during which a position was exposed to price.</summary>
    public required double ExposurePct { get; init; }

    public required int MaxConsecutiveWins { get; init; }

    public required int MaxConsecutiveLosses { get; init; }

    /// <summary>The original <c>metrics</c> sub-object.</summary>
    public required DetailMetrics Metrics { get; init; }
}
