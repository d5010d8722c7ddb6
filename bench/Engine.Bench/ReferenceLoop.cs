namespace Platform.Engine.Bench;

/// <summary>
/// The floor the engine is measured against: the simplest correct loop of one SMA crossover backtest, with no engine
/// abstraction. Rolling sums give the two averages; a cross of the fast over the slow at a close buys at the next open
/// with the whole equity, a cross under sells there; the fee is paid on both sides; equity is marked at every close, with
/// its drawdown and the per-bar returns' Sharpe ratio (annualized for one-minute bars, no risk-free rate).
/// </summary>
internal static class ReferenceLoop
{
    private const double MinutesPerYear = 525_600;

    public static ReferenceResult Run(double[] open, double[] close, int fast, int slow, double feeRate, double capital)
    {
        double cash = capital, quantity = 0, sumFast = 0, sumSlow = 0, previousFast = double.NaN, previousSlow = double.NaN;
        double equity = capital, peak = capital, maxDrawdown = 0, mean = 0, squares = 0;
        int pending = 0, trades = 0, count = 0;
        for (var bar = 0; bar < close.Length; bar++)
        {
            if (pending > 0)
            {
                quantity = cash / (open[bar] * (1 + feeRate));
                cash = 0;
                trades++;
            }
            else if (pending < 0)
            {
                cash = quantity * open[bar] * (1 - feeRate);
                quantity = 0;
            }
            pending = 0;

            sumFast += close[bar] - (bar >= fast ? close[bar - fast] : 0);
            sumSlow += close[bar] - (bar >= slow ? close[bar - slow] : 0);
            if (bar >= slow - 1)
            {
                double fastAverage = sumFast / fast, slowAverage = sumSlow / slow;
                if (previousFast <= previousSlow && fastAverage > slowAverage && quantity == 0)
                {
                    pending = 1;
                }
                else if (previousFast >= previousSlow && fastAverage < slowAverage && quantity > 0)
                {
                    pending = -1;
                }
                (previousFast, previousSlow) = (fastAverage, slowAverage);
            }

            var marked = cash + quantity * close[bar];
            var change = marked / equity - 1;
            equity = marked;
            peak = Math.Max(peak, equity);
            maxDrawdown = Math.Max(maxDrawdown, 1 - equity / peak);
            // Welford's running mean and sum of squared deviations.
            count++;
            var delta = change - mean;
            mean += delta / count;
            squares += delta * (change - mean);
        }
        var deviation = count > 1 ? Math.Sqrt(squares / (count - 1)) : 0;
        return new ReferenceResult(equity, maxDrawdown, deviation > 0 ? mean / deviation * Math.Sqrt(MinutesPerYear) : 0, trades);
    }
}

internal readonly record struct ReferenceResult(double FinalEquity, double MaxDrawdown, double Sharpe, int Trades);
