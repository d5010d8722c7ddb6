using System.Numerics;

namespace Platform.Engine.Backtesting;

internal partial struct Simulator
{
    /// <summary>
    /// Opens a position at bar i's open, or adds an entry to the open one in the same direction. Sizing works on
    /// current equity (cash plus the open position's PnL at bar i's open) and is bounded by the free cash (cash minus
    /// the margin already committed) at the configured leverage, fees included:
    /// <list type="bullet">
    /// <item>Fraction sizing commits fraction × equity to margin plus the entry fee, so a fully lost position can never
    /// take equity below zero without leverage; capped at the free cash.</item>
    /// <item>A fixed quantity or fixed notional that the free cash cannot cover is not opened.</item>
    /// <item>Risk sizing buys equity × percent / 100 ÷ the loss per unit at the entry's own stop: the price distance to
    /// the stop's fill (slippage included) plus commission on the entry and on that exit price; so a stop hit at its
    /// level loses the percent with fees. The stop is the tighter of the fixed and trailing stops placed from this
    /// entry's fill price. Capped at the free cash, so the loss is then smaller.</item>
    /// </list>
    /// ATR distances are read at the signal bar (i − 1) when the position opens and stay fixed; an entry whose ATR is
    /// still NaN (the first period − 1 bars) is not opened. Additions keep the first entry's bar and ATR distances; the
    /// position's entry price becomes the quantity-weighted average, and its stop, target and liquidation levels are
    /// placed again from that average.
    /// </summary>
    private void Enter(int i, int side)
    {
        var adding = position.Side != 0;
        var price = Fill(open[i], side);
        double stopDistance, targetDistance, trailDistance;
        if (adding)
        {
            (stopDistance, targetDistance, trailDistance) = (position.StopDistance, position.TargetDistance, position.TrailDistance);
        }
        else
        {
            (stopDistance, targetDistance, trailDistance) = (stopRule.Distance(i - 1), targetRule.Distance(i - 1), trailRule.Distance(i - 1));
            if (needsAtr && double.IsNaN(stopDistance + targetDistance + trailDistance))
            {
                return;
            }
        }

        // Flat, the position's quantity is 0 and equity is the cash.
        var equity = cash + side * position.Quantity * (open[i] - position.EntryPrice);
        var free = cash - position.Margin;
        double quantity, notional;
        if (sizing.Mode is SizingMode.FixedQuantity or SizingMode.FixedNotional)
        {
            (quantity, notional) = sizing.Mode == SizingMode.FixedQuantity ? (sizing.Value, sizing.Value * price) : (sizing.Value / price, sizing.Value);
            if (notional / leverage + notional * commission > free)
            {
                return;
            }
        }
        else
        {
            if (sizing.Mode == SizingMode.FractionOfEquity)
            {
                notional = equity * sizing.Value / (1 / leverage + commission);
                quantity = notional / price;
            }
            else
            {
                var stop = Tighter(side, stopRule.Level(price, -side, stopDistance), trailRule.Level(price, -side, trailDistance)).Level;
                var exit = Fill(stop, -side);
                quantity = equity * sizing.Value / 100 / (side * (price - exit) + commission * (price + exit));
                notional = quantity * price;
            }

            var most = free / (1 / leverage + commission);
            if (notional > most)
            {
                notional = most;
                quantity = notional / price;
            }
        }

        if (!(notional > 0))
        {
            return;
        }

        var fee = notional * commission;
        cash -= fee;
        if (adding)
        {
            var (top, bottom) = Extremes(i);
            FoldExcursions(top, bottom);
            var total = position.Quantity + quantity;
            position.EntryPrice = (position.Quantity * position.EntryPrice + quantity * price) / total;
            position.Quantity = total;
            position.EntryFee += fee;
            position.Margin += notional / leverage;
            position.Entries++;
            position.LastFillBar = i;
            (position.Top, position.Bottom, position.ScannedTo) = (price, price, i);
        }
        else
        {
            position = new Position
            {
                Side = side,
                EntryBar = i,
                LastFillBar = i,
                Deadline = maxBars < close.Length - i ? i + maxBars : int.MaxValue,
                Entries = 1,
                Quantity = quantity,
                EntryPrice = price,
                EntryFee = fee,
                Margin = notional / leverage,
                StopDistance = stopDistance,
                TargetDistance = targetDistance,
                TrailDistance = trailDistance,
                Best = price,
                Trail = trailRule.Level(price, -side, trailDistance),
                Top = price,
                Bottom = price,
                ScannedTo = i,
            };
            ScheduleEvents();
        }

        PlaceLevels();
    }

    /// <summary>Stop, target and liquidation from the (average) entry price.</summary>
    private void PlaceLevels()
    {
        var side = position.Side;
        var price = position.EntryPrice;
        position.FixedStop = stopRule.Level(price, -side, position.StopDistance);
        position.Target = targetRule.Level(price, side, position.TargetDistance);

        // Isolated margin: liquidated when margin + unrealized PnL falls to maintenance × position value.
        position.Liquidation = price * (1 - side / leverage) / (1 - side * maintenance);
        PlaceStop();
    }

    /// <summary>The stop in force is the tighter of the fixed and trailing stops; a tie is the fixed stop's.</summary>
    private void PlaceStop()
    {
        (position.Stop, position.StopReason) = Tighter(position.Side, position.FixedStop, position.Trail);
        position.Guard = position.Side * (position.Stop - position.Liquidation) > 0 ? position.Stop : position.Liquidation;

        // Prices are positive, so a long's guard of 0 (no stop, liquidation at 0 without leverage) is never reached.
        position.Watched = position.Side < 0 || position.Guard > 0 || !double.IsNaN(position.Target);
    }

    private static (double Level, ExitReason Reason) Tighter(int side, double fixedStop, double trail) =>
        side * (trail - fixedStop) > 0 || (double.IsNaN(fixedStop) && !double.IsNaN(trail))
            ? (trail, ExitReason.TrailingStop)
            : (fixedStop, ExitReason.StopLoss);

    /// <summary>
    /// The trailing stop after bar i: bar i's high (low for a short) may become the best price, and the stop follows it
    /// at the trailing distance, never loosening.
    /// </summary>
    private void FollowBest(int i)
    {
        var side = position.Side;
        var extreme = side > 0 ? high[i] : low[i];
        if (side * (extreme - position.Best) > 0)
        {
            position.Best = extreme;
            var level = trailRule.Level(extreme, -side, position.TrailDistance);
            if (side * (level - position.Trail) > 0)
            {
                position.Trail = level;
                PlaceStop();
            }
        }
    }

    /// <summary>
    /// Liquidation, stop-loss and take-profit within bar i. A bar that opens beyond a level fills at
    /// the open; otherwise levels fill at their price. When the bar's range reaches both an adverse
    /// level and the target, the fill policy decides: pessimistic takes the adverse level first.
    /// A stop beyond the liquidation price is never reached: liquidation comes first.
    /// </summary>
    private void CheckLevels(int i)
    {
        var side = position.Side;
        var (adverse, favorable) = side > 0 ? (low[i], high[i]) : (high[i], low[i]);
        if (Reached(open[i], position.Liquidation))
        {
            Liquidate(i);
        }
        else if (Reached(open[i], position.Stop))
        {
            Exit(i, Fill(open[i], -side), position.StopReason, exposedThisBar: true);
        }
        else if (Passed(open[i], position.Target))
        {
            Exit(i, Fill(open[i], -side), ExitReason.TakeProfit, exposedThisBar: true);
        }
        else
        {
            var liquidated = Reached(adverse, position.Liquidation);
            var stopped = Reached(adverse, position.Stop) && side * (position.Stop - position.Liquidation) > 0;
            var targeted = Passed(favorable, position.Target);
            if ((stopped || liquidated) && (!targeted || pessimistic))
            {
                if (stopped)
                {
                    Exit(i, Fill(position.Stop, -side), position.StopReason, exposedThisBar: true);
                }
                else
                {
                    Liquidate(i);
                }
            }
            else if (targeted)
            {
                Exit(i, Fill(position.Target, -side), ExitReason.TakeProfit, exposedThisBar: true);
            }
        }
    }

    // A disabled level is NaN, and every comparison with NaN is false, so it is never reached.
    private bool Reached(double price, double level) => position.Side * (price - level) <= 0;

    private bool Passed(double price, double level) => position.Side * (price - level) >= 0;

    private void Exit(int i, double price, ExitReason reason, bool exposedThisBar)
    {
        var gross = position.Side * position.Quantity * (price - position.EntryPrice);
        Close(i, price, gross, position.Quantity * price * commission, reason, exposedThisBar);
    }

    /// <summary>
    /// Closes at the liquidation price. The exchange keeps the margin that is left (it pays the
    /// closing costs), so the trade loses exactly its margin plus the entry fee.
    /// </summary>
    private void Liquidate(int i)
    {
        var gross = position.Side * position.Quantity * (position.Liquidation - position.EntryPrice);
        Close(i, position.Liquidation, gross, position.Margin + gross, ExitReason.Liquidation, exposedThisBar: true);
    }

    /// <summary>
    /// Closes the whole position as one trade. Its run-up and drawdown are the largest unrealized gain and loss over the
    /// prices it was exposed to, from the entry price on: the high and low of every bar held to its close, then the exit
    /// bar's open (when entered before that bar) and the exit price. An exit within a bar therefore counts that bar only
    /// up to the exit price, whatever else its range reached. After an added entry the prices count against the new
    /// average price and quantity. The percentages are of the entry value (average entry price × quantity).
    /// </summary>
    private void Close(int i, double price, double gross, double exitFee, ExitReason reason, bool exposedThisBar)
    {
        var (top, bottom) = Extremes(reason == ExitReason.EndOfData ? i + 1 : i);
        if (i > position.LastFillBar)
        {
            (top, bottom) = (Math.Max(top, open[i]), Math.Min(bottom, open[i]));
        }

        FoldExcursions(Math.Max(top, price), Math.Min(bottom, price));
        var p = position;
        cash += gross - exitFee;
        var pnl = gross - p.EntryFee - exitFee - p.Funding;
        var value = p.EntryPrice * p.Quantity;
        trades.Add(new Trade(
            p.EntryBar,
            i,
            time[p.EntryBar],
            time[i],
            p.Side > 0 ? TradeSide.Long : TradeSide.Short,
            p.EntryPrice,
            price,
            p.Quantity,
            gross,
            pnl,
            pnl / p.Margin * 100,
            p.EntryFee + exitFee,
            i - p.EntryBar + (exposedThisBar ? 1 : 0),
            reason,
            p.Entries,
            p.Funding,
            p.RunUp,
            p.RunUp / value * 100,
            p.Drawdown,
            p.Drawdown / value * 100));
        position = default;
        ScheduleEvents();
    }

    /// <summary>
    /// The highest and lowest of the latest entry's fill price and the highs and lows of the bars from its bar up to
    /// <paramref name="end"/> (excluded). Scanned when an entry is added or the position closes, and as quiet bars are
    /// passed (<see cref="Coast"/>), which reads them in order with the closes; the bar loop itself stays free of this work.
    /// </summary>
    private (double Top, double Bottom) Extremes(int end)
    {
        Scan(end);
        return (position.Top, position.Bottom);
    }

    /// <summary>Takes the highs and lows of the bars from <see cref="Position.ScannedTo"/> up to <paramref name="end"/> (excluded) into the position's extremes.</summary>
    private void Scan(int end)
    {
        var start = position.ScannedTo;
        if (end <= start)
        {
            return;
        }

        var highs = new ReadOnlySpan<double>(high, start, end - start);
        var lows = new ReadOnlySpan<double>(low, start, end - start);
        var (top, bottom) = (position.Top, position.Bottom);
        var k = 0;

        // Maximum and minimum do not depend on the order they are taken in, so the vector pass gives the exact result.
        if (Vector.IsHardwareAccelerated && highs.Length >= Vector<double>.Count)
        {
            var (tops, bottoms) = (new Vector<double>(top), new Vector<double>(bottom));
            for (; k <= highs.Length - Vector<double>.Count; k += Vector<double>.Count)
            {
                tops = Vector.Max(tops, new Vector<double>(highs[k..]));
                bottoms = Vector.Min(bottoms, new Vector<double>(lows[k..]));
            }

            for (var lane = 0; lane < Vector<double>.Count; lane++)
            {
                top = Math.Max(top, tops[lane]);
                bottom = Math.Min(bottom, bottoms[lane]);
            }
        }

        for (; k < highs.Length; k++)
        {
            top = Math.Max(top, highs[k]);
            bottom = Math.Min(bottom, lows[k]);
        }

        (position.Top, position.Bottom, position.ScannedTo) = (top, bottom, end);
    }

    /// <summary>Takes the highest and lowest prices into the run-up and drawdown at the current average price and quantity.</summary>
    private void FoldExcursions(double top, double bottom)
    {
        var (up, down) = position.Side > 0
            ? (top - position.EntryPrice, position.EntryPrice - bottom)
            : (position.EntryPrice - bottom, top - position.EntryPrice);
        position.RunUp = Math.Max(position.RunUp, up * position.Quantity);
        position.Drawdown = Math.Max(position.Drawdown, down * position.Quantity);
    }
}
