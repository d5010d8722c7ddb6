using Platform.Engine.Backtesting;

namespace Platform.Engine.Tests.Backtesting;

public sealed class SettingsValidationNamesTheField
{
    public static TheoryData<string, BacktestSettings> Invalid => new()
    {
        { "initial_capital", new() { InitialCapital = 0 } },
        { "initial_capital", new() { InitialCapital = double.NaN } },
        { "initial_capital", new() { InitialCapital = 1.1e15 } },
        { "sizing", new() { Sizing = PositionSizing.FixedQuantity(1.1e12) } },
        { "direction", new() { Direction = (TradeDirection)7 } },
        { "sizing", new() { Sizing = PositionSizing.FractionOfEquity(0) } },
        { "sizing", new() { Sizing = PositionSizing.FractionOfEquity(1.01) } },
        { "sizing", new() { Sizing = PositionSizing.FixedQuantity(0) } },
        { "leverage", new() { Leverage = 0.99 } },
        { "leverage", new() { Leverage = 100.01 } },
        { "commission_bps", new() { CommissionBps = -0.1 } },
        { "commission_bps", new() { CommissionBps = 1_000.1 } },
        { "slippage_bps", new() { SlippageBps = -1 } },
        { "slippage_bps", new() { SlippageBps = 1_001 } },
        { "stop_loss", new() { StopLoss = PriceDistance.Percent(0) } },
        { "stop_loss", new() { StopLoss = PriceDistance.Percent(100) } },
        { "take_profit", new() { TakeProfit = PriceDistance.Percent(0) } },
        { "take_profit", new() { TakeProfit = PriceDistance.Percent(10_001) } },
        { "stop_loss", new() { StopLoss = PriceDistance.Atr(0) } },
        { "stop_loss", new() { StopLoss = PriceDistance.Atr(2, 0) } },
        { "stop_loss", new() { StopLoss = new PriceDistance((DistanceUnit)5, 1, 0) } },
        { "take_profit", new() { TakeProfit = PriceDistance.Atr(100.1) } },
        { "trailing_stop", new() { TrailingStop = PriceDistance.Percent(100) } },
        { "trailing_stop", new() { TrailingStop = PriceDistance.Atr(1, 1_001) } },
        { "max_bars_in_trade", new() { MaxBarsInTrade = 0 } },
        { "max_entries", new() { MaxEntries = 0 } },
        { "max_entries", new() { MaxEntries = 101 } },
        { "funding_rate_per_8_hours", new() { FundingRatePer8Hours = 0.051 } },
        { "funding_rate_per_8_hours", new() { FundingRatePer8Hours = double.NaN } },
        { "sizing", new() { Sizing = PositionSizing.FixedNotional(0) } },
        { "sizing", new() { Sizing = PositionSizing.RiskPercent(1) } },
        { "sizing", new() { Sizing = PositionSizing.RiskPercent(0), StopLoss = PriceDistance.Percent(1) } },
        { "sizing", new() { Sizing = PositionSizing.RiskPercent(100.1), TrailingStop = PriceDistance.Percent(1) } },
        { "sizing", new() { Sizing = new PositionSizing((SizingMode)9, 1) } },
        { "fill_policy", new() { FillPolicy = (FillPolicy)2 } },
        { "risk_free_rate", new() { RiskFreeRate = -0.01 } },
        { "risk_free_rate", new() { RiskFreeRate = 1 } },
        { "maintenance_margin_pct", new() { MaintenanceMarginPct = -1 } },
        { "maintenance_margin_pct", new() { MaintenanceMarginPct = 50 } },
    };

    public static TheoryData<BacktestSettings> Boundaries =>
    [
        new() { Leverage = 1 },
        new() { Leverage = 100 },
        new() { Sizing = PositionSizing.FractionOfEquity(1) },
        new() { Sizing = PositionSizing.FixedQuantity(0.0001) },
        new() { CommissionBps = 0, SlippageBps = 0 },
        new() { CommissionBps = 1_000, SlippageBps = 1_000 },
        new() { StopLoss = PriceDistance.Percent(99.9), TakeProfit = PriceDistance.Percent(10_000) },
        new() { RiskFreeRate = 0.99, MaintenanceMarginPct = 0 },
        new() { InitialCapital = 0.01, Direction = TradeDirection.Both, FillPolicy = FillPolicy.Optimistic },
        new() { InitialCapital = 1e15, Sizing = PositionSizing.FixedQuantity(1e12) },
        new() { StopLoss = PriceDistance.Atr(100, 1_000), TakeProfit = PriceDistance.Atr(0.01, 1), TrailingStop = PriceDistance.Percent(99.9) },
        new() { MaxBarsInTrade = 1, MaxEntries = 100, FundingRatePer8Hours = -0.05 },
        new() { Sizing = PositionSizing.RiskPercent(100), TrailingStop = PriceDistance.Atr(1) },
        new() { Sizing = PositionSizing.FixedNotional(1e15), FundingRatePer8Hours = 0.05 },
    ];

    [Theory]
    [MemberData(nameof(Invalid))]
    public void RejectsOutOfRangeValues(string field, BacktestSettings settings) =>
        Assert.Equal([field], settings.Validate().Keys);

    [Theory]
    [MemberData(nameof(Boundaries))]
    public void AcceptsTheBoundaries(BacktestSettings settings) => Assert.Empty(settings.Validate());

    [Fact]
    public void ExplainsEachError()
    {
        var errors = new BacktestSettings
        {
            InitialCapital = -1,
            Direction = (TradeDirection)9,
            Sizing = PositionSizing.FractionOfEquity(2),
            CommissionBps = -1,
            SlippageBps = -1,
            StopLoss = PriceDistance.Percent(0),
            TakeProfit = PriceDistance.Percent(0),
            FillPolicy = (FillPolicy)9,
            RiskFreeRate = 2,
            MaintenanceMarginPct = 60,
        }.Validate();

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["commission_bps"] = "must be between 0 and 1000",
                ["direction"] = "must be long, short or both",
                ["fill_policy"] = "must be pessimistic or optimistic",
                ["initial_capital"] = "must be greater than 0",
                ["maintenance_margin_pct"] = "must be between 0 and 50",
                ["risk_free_rate"] = "must be a fraction between 0 and 1",
                ["sizing"] = "fraction of equity must be greater than 0 and at most 1",
                ["slippage_bps"] = "must be between 0 and 1000",
                ["stop_loss"] = "must be greater than 0 and less than 100",
                ["take_profit"] = "must be greater than 0 and at most 10000",
            },
            errors);
        Assert.Equal("fixed quantity must be greater than 0", new BacktestSettings { Sizing = PositionSizing.FixedQuantity(-1) }.Validate()["sizing"]);
        Assert.Equal("fixed notional must be greater than 0", new BacktestSettings { Sizing = PositionSizing.FixedNotional(0) }.Validate()["sizing"]);
        Assert.Equal(
            "risk percent must be greater than 0 and at most 100",
            new BacktestSettings { Sizing = PositionSizing.RiskPercent(101), StopLoss = PriceDistance.Percent(1) }.Validate()["sizing"]);
        Assert.Equal(
            "must be a fraction of equity, a fixed quantity, a fixed notional or a risk percent",
            new BacktestSettings { Sizing = new PositionSizing((SizingMode)9, 1) }.Validate()["sizing"]);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["funding_rate_per_8_hours"] = "must be a fraction between -0.05 and 0.05",
                ["max_bars_in_trade"] = "must be at least 1",
                ["max_entries"] = "must be between 1 and 100",
            },
            new BacktestSettings { MaxBarsInTrade = 0, MaxEntries = 101, FundingRatePer8Hours = 0.06 }.Validate());
        Assert.Equal("risk percent sizing needs a stop_loss or a trailing_stop", new BacktestSettings { Sizing = PositionSizing.RiskPercent(1) }.Validate()["sizing"]);
        Assert.Equal(
            "ATR multiple must be greater than 0 and at most 100, ATR period between 1 and 1000",
            new BacktestSettings { TrailingStop = PriceDistance.Atr(-1) }.Validate()["trailing_stop"]);
    }

    [Fact]
    public void DefaultsMatchTheIssue()
    {
        var settings = new BacktestSettings();
        Assert.Empty(settings.Validate());
        Assert.Equal((10_000.0, 5.5, 0.0, 1.0), (settings.InitialCapital, settings.CommissionBps, settings.SlippageBps, settings.Leverage));
        Assert.Equal((TradeDirection.Long, FillPolicy.Pessimistic), (settings.Direction, settings.FillPolicy));
        Assert.Equal(PositionSizing.FractionOfEquity(1), settings.Sizing);
        Assert.Equal("must be between 1 and 100", new BacktestSettings { Leverage = 101 }.Validate()["leverage"]);
    }
}
