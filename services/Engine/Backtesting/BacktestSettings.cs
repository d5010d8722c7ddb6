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

    public double? StopLossPct { get; init; }

    public double? TakeProfitPct { get; init; }

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
        Check(errors, "sizing", Sizing.Mode == SizingMode.FixedQuantity || Sizing.Value is > 0 and <= 1, "fraction of equity must be greater than 0 and at most 1");
        Check(errors, "sizing", Sizing.Mode == SizingMode.FractionOfEquity || Sizing.Value is > 0 and <= 1e12, "fixed quantity must be greater than 0");
        Check(errors, "leverage", Leverage is >= 1 and <= 100, "must be between 1 and 100");
        Check(errors, "commission_bps", CommissionBps is >= 0 and <= 1_000, "must be between 0 and 1000");
        Check(errors, "slippage_bps", SlippageBps is >= 0 and <= 1_000, "must be between 0 and 1000");
        Check(errors, "stop_loss_pct", StopLossPct is null or (> 0 and < 100), "must be greater than 0 and less than 100");
        Check(errors, "take_profit_pct", TakeProfitPct is null or (> 0 and <= 10_000), "must be greater than 0 and at most 10000");
        Check(errors, "fill_policy", Enum.IsDefined(FillPolicy), "must be pessimistic or optimistic");
        Check(errors, "risk_free_rate", RiskFreeRate is >= 0 and < 1, "must be a fraction between 0 and 1");
        Check(errors, "maintenance_margin_pct", MaintenanceMarginPct is >= 0 and < 50, "must be between 0 and 50");
        return errors;
    }

    private static void Check(SortedDictionary<string, string> errors, string field, bool ok, string message)
    {
        if (!ok)
        {
            errors.TryAdd(field, message);
        }
    }
}
