using Platform.Backtests.Backtests;
using Platform.Backtests.Strategies;
using Platform.Engine;
using Platform.Engine.Backtesting;
using Platform.Engine.Data;
using Platform.Candles;

namespace Platform.Backtests.Queue;

/// <summary>Runs a claimed backtest: its strategy and settings, its candles from the market data service, the engine.</summary>
internal sealed class BacktestRunner(StrategyStore strategies, CandleFeed candles)
{
    /// <exception cref="RunFailedException">The run cannot succeed: retrying would not help.</exception>
    public async Task<RunOutcome> RunAsync(Backtest backtest, CancellationToken cancellationToken)
    {
        var strategy = await strategies.GetAsRunAsync(backtest.StrategyId, backtest.StrategyVersion, cancellationToken)
                       ?? throw new RunFailedException($"Strategy not found: {backtest.StrategyId}");
        var errors = new Dictionary<string, string[]>();
        var plan = BacktestPlan.For(backtest, strategy);
        var run = plan.Configure(errors)
                  ?? throw new RunFailedException($"Invalid settings: {string.Join(" ", errors.Select(error => $"{error.Key}: {string.Join(" ", error.Value)}"))}");

        var start = new DateTimeOffset(DateTime.SpecifyKind(backtest.StartDate, DateTimeKind.Utc)).ToUnixTimeMilliseconds();
        var end = new DateTimeOffset(DateTime.SpecifyKind(backtest.EndDate, DateTimeKind.Utc)).ToUnixTimeMilliseconds();
        CandleColumns columns;
        try
        {
            columns = await candles.ReadAsync(backtest.Symbol, backtest.Timeframe, start, end, cancellationToken);
        }
        catch (CandleFeedException exception) when (exception.IsPermanent)
        {
            throw new RunFailedException($"Candles unavailable: {exception.Message}", exception);
        }
        if (columns.Count == 0)
        {
            throw new RunFailedException($"No candles of {backtest.Symbol} {backtest.Timeframe} between {backtest.StartDate:O} and {backtest.EndDate:O}.");
        }
        var series = CandleSeries.Adopt(plan.Timeframe, columns.OpenTime, columns.Open, columns.High, columns.Low, columns.Close, columns.Volume);
        if (series.Series is null)
        {
            throw new RunFailedException($"Invalid candle at row {series.Error!.Index}: {series.Error.Field} {series.Error.Reason}");
        }
        try
        {
            return EngineOutcome.From(Backtester.Run(series.Series, run.Strategy, run.Settings, run.Filters));
        }
        catch (EngineValidationException exception)
        {
            throw new RunFailedException($"The engine refused the run: {string.Join(" ", exception.Errors.Select(error => $"{error.Key}: {error.Value}"))}", exception);
        }
    }
}
