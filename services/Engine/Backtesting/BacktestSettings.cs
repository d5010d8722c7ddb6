namespace Platform.Engine.Backtesting;

/// <summary>How a backtest trades. Percentages are in percent (2 = 2 %), costs in basis points per side.</summary>
public sealed record BacktestSettings
{
    /// <summary>Bybit's taker fee for linear perpetuals.</summary>
    public const double BybitTakerBps = 5.5;

    public double InitialCapital { get; init; } = 10_000;

    public TradeDirection Direction { get; init; } = TradeDirection.Long;

    public PositionSizing Sizing { get; init; } = PositionSizing.FractionOfEquity(1);

    public double Leverage { get; init; } = 1;

    public double CommissionBps { get; init; } = BybitTakerBps;

    public double SlippageBps { get; init; }

    /// <summary>Stop-loss distance from the (average) entry price; null for none.</summary>
    public PriceDistance? StopLoss { get; init; }

    /// <summary>Take-profit distance from the (average) entry price; null for none.</summary>
    public PriceDistance? TakeProfit { get; init; }

    /// <summary>Trailing-stop distance from the best price since entry; null for none.</summary>
    public PriceDistance? TrailingStop { get; init; }

    /// <summary>A position held this many bars exits at the next bar's open; null for no limit.</summary>
    public int? MaxBarsInTrade { get; init; }

    /// <summary>Entries one position may take in its direction (pyramiding); 1 allows no additions.</summary>
    public int MaxEntries { get; init; } = 1;

    /// <summary>Perpetual funding rate as a fraction per 8 hours (0.0001 = 0.01 %): longs pay it, shorts receive it.</summary>
    public double FundingRatePer8Hours { get; init; }

    public FillPolicy FillPolicy { get; init; } = FillPolicy.Pessimistic;

    /// <summary>Annual risk-free rate as a fraction, subtracted from returns in Sharpe and Sortino.</summary>
    public double RiskFreeRate { get; init; }

    /// <summary>Maintenance margin as a percent of position value; 0.5 % is Bybit's lowest tier.</summary>
    public double MaintenanceMarginPct { get; init; } = 0.5;

    /// <summary>Errors keyed by snake_case field name; empty when the settings are usable.</summary>
    public IReadOnlyDictionary<string, string> Validate()
    {
        var errors = new SortedDictionary<string, string>(StringComparer.Ordinal);
        Check(errors, "initial_capital", InitialCapital is > 0 and <= 1e15, "must be greater than 0");
        Check(errors, "direction", Enum.IsDefined(Direction), "must be long, short or both");
        Check(errors, "sizing", Enum.IsDefined(Sizing.Mode), "must be a fraction of equity, a fixed quantity, a fixed notional or a risk percent");
        Check(errors, "sizing", Sizing.Mode != SizingMode.FractionOfEquity || Sizing.Value is > 0 and <= 1, "fraction of equity must be greater than 0 and at most 1");
        Check(errors, "sizing", Sizing.Mode != SizingMode.FixedQuantity || Sizing.Value is > 0 and <= 1e12, "fixed quantity must be greater than 0");
        Check(errors, "sizing", Sizing.Mode != SizingMode.FixedNotional || Sizing.Value is > 0 and <= 1e15, "fixed notional must be greater than 0");
        Check(errors, "sizing", Sizing.Mode != SizingMode.RiskPercent || Sizing.Value is > 0 and <= 100, "risk percent must be greater than 0 and at most 100");
        Check(errors, "sizing", Sizing.Mode != SizingMode.RiskPercent || StopLoss is not null || TrailingStop is not null, "risk percent sizing needs a stop_loss or a trailing_stop");
        Check(errors, "leverage", Leverage is >= 1 and <= 100, "must be between 1 and 100");
        Check(errors, "commission_bps", CommissionBps is >= 0 and <= 1_000, "must be between 0 and 1000");
        Check(errors, "slippage_bps", SlippageBps is >= 0 and <= 1_000, "must be between 0 and 1000");
        Distance(errors, "stop_loss", StopLoss, 100, maxIncluded: false);
        Distance(errors, "take_profit", TakeProfit, 10_000, maxIncluded: true);
        Distance(errors, "trailing_stop", TrailingStop, 100, maxIncluded: false);
        Check(errors, "max_bars_in_trade", MaxBarsInTrade is null or >= 1, "must be at least 1");
        Check(errors, "max_entries", MaxEntries is >= 1 and <= 100, "must be between 1 and 100");
        Check(errors, "funding_rate_per_8_hours", FundingRatePer8Hours is >= -0.05 and <= 0.05, "must be a fraction between -0.05 and 0.05");
        Check(errors, "fill_policy", Enum.IsDefined(FillPolicy), "must be pessimistic or optimistic");
        Check(errors, "risk_free_rate", RiskFreeRate is >= 0 and < 1, "must be a fraction between 0 and 1");
        Check(errors, "maintenance_margin_pct", MaintenanceMarginPct is >= 0 and < 50, "must be between 0 and 50");
        return errors;
    }

    private static void Distance(SortedDictionary<string, string> errors, string field, PriceDistance? distance, double maxPercent, bool maxIncluded)
    {
        if (distance?.Problem(maxPercent, maxIncluded) is { } message)
        {
            errors.TryAdd(field, message);
        }
    }

    private static void Check(SortedDictionary<string, string> errors, string field, bool ok, string message)
    {
        if (!ok)
        {
            errors.TryAdd(field, message);
        }
    }
}
