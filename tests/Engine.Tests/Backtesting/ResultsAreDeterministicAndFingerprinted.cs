using Platform.Engine.Backtesting;
using Platform.Engine.Data;
using Platform.Engine.Filters;
using Platform.Engine.Tests.Support;

namespace Platform.Engine.Tests.Backtesting;

public sealed class ResultsAreDeterministicAndFingerprinted
{
    private static readonly CandleSeries Candles = Bars.RandomWalk(2_000, seed: 41);
    private static readonly BacktestSettings Settings = new() { Direction = TradeDirection.Both, StopLoss = PriceDistance.Percent(2) };

    private static BacktestResult RunWith(
        CandleSeries? candles = null, string parameters = "fast=5,slow=20", BacktestSettings? settings = null, TrendFilter[]? filters = null) =>
        Backtester.Run(candles ?? Candles, Support.Strategies.Parse("sma_crossover", parameters), settings ?? Settings, filters);

    [Fact]
    public void TheSameInputGivesBitIdenticalOutput()
    {
        var (a, b) = (RunWith(), RunWith(Bars.Create(Candles.Interval, Candles.OpenTime.ToArray(), Bars.Rows(Candles))));

        Assert.Equal(a.Trades, b.Trades);
        Assert.Equal(a.Metrics, b.Metrics);
        Assert.Equal(
            a.Equity.ToArray().Select(BitConverter.DoubleToInt64Bits),
            b.Equity.ToArray().Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(a.Fingerprint, b.Fingerprint);
        Assert.Matches("^[0-9a-f]{64}$", a.Fingerprint);
    }

    [Fact]
    public void AnyChangeOfInputChangesTheFingerprint()
    {
        var rows = Bars.Rows(Candles);
        rows[1_000] = (rows[1_000].Open, rows[1_000].High * 1.001, rows[1_000].Low, rows[1_000].Close);
        string[] fingerprints =
        [
            RunWith().Fingerprint,
            RunWith(Bars.Create(Candles.Interval, Candles.OpenTime.ToArray(), rows)).Fingerprint,
            RunWith(parameters: "fast=6,slow=20").Fingerprint,
            RunWith(settings: Settings with { CommissionBps = 5.6 }).Fingerprint,
            RunWith(settings: Settings with { FillPolicy = FillPolicy.Optimistic }).Fingerprint,
            RunWith(settings: Settings with { StopLoss = PriceDistance.Percent(3) }).Fingerprint,
            RunWith(settings: Settings with { TakeProfit = PriceDistance.Percent(2) }).Fingerprint,
            RunWith(settings: Settings with { StopLoss = null, TakeProfit = PriceDistance.Percent(2) }).Fingerprint,
            RunWith(settings: Settings with { Sizing = PositionSizing.FixedQuantity(1) }).Fingerprint,
            RunWith(filters: [new TrendFilter(Interval.Parse("60"), 3)]).Fingerprint,
            RunWith(filters: [new TrendFilter(Interval.Parse("60"), 4)]).Fingerprint,
            RunWith(settings: Settings with { TrailingStop = PriceDistance.Percent(3) }).Fingerprint,
            RunWith(settings: Settings with { TrailingStop = PriceDistance.Percent(4) }).Fingerprint,
            RunWith(settings: Settings with { MaxBarsInTrade = 50 }).Fingerprint,
            RunWith(settings: Settings with { MaxBarsInTrade = 60 }).Fingerprint,
            RunWith(settings: Settings with { MaxEntries = 2 }).Fingerprint,
            RunWith(settings: Settings with { MaxEntries = 3 }).Fingerprint,
            RunWith(settings: Settings with { FundingRatePer8Hours = 0.0001 }).Fingerprint,
            RunWith(settings: Settings with { FundingRatePer8Hours = 0.0002 }).Fingerprint,
        ];

        Assert.Equal(fingerprints.Length, fingerprints.Distinct().Count());
    }

    [Fact]
    public void CarriesItsInputsAndGaps()
    {
        var result = RunWith();
        Assert.Equal(Settings, result.Settings);
        Assert.Equal("sma_crossover", result.Strategy.Name);
        Assert.Empty(result.Filters);
        Assert.Empty(result.Gaps);
        Assert.Equal(Candles.Count, result.DrawdownPct().Length);
    }

    [Fact]
    public void RejectsInvalidInputNamingTheFields()
    {
        var empty = CandleSeries.Create(Bars.Minute, [], [], [], [], [], []).Series!;
        var error = Assert.Throws<EngineValidationException>(() => RunWith(empty, settings: Settings with { Leverage = 0 }, filters: [new TrendFilter(Bars.Minute, 0)]));

        Assert.Equal(["candles", "filters[0].interval", "filters[0].period", "leverage"], error.Errors.Keys);
    }
}
