namespace Platform.Engine.Backtesting;

internal sealed partial class Simulator
{
    /// <summary>
    /// Opens a position at bar i's open. Fraction sizing commits fraction × cash to margin plus the
    /// entry fee, so a fully lost position can never take equity below zero without leverage.
    /// A fixed quantity that the cash cannot cover is not opened.
    /// </summary>
    private void Enter(int i, int side)
    {
        var price = Fill(open[i], side);
        double quantity, notional;
        if (sizing.Mode == SizingMode.FractionOfEquity)
        {
            notional = cash * sizing.Value / (1 / leverage + commission);
            quantity = notional / price;
        }
        else
        {
            quantity = sizing.Value;
            notional = quantity * price;
            if (notional / leverage + notional * commission > cash)
            {
                return;
            }
        }

        if (!(notional > 0))
        {
            return;
        }

        var fee = notional * commission;
        cash -= fee;
        var stop = price * (100 - side * stopPct) / 100;

        // Isolated margin: liquidated when margin + unrealized PnL falls to maintenance × position value.
        var liquidation = price * (1 - side / leverage) / (1 - side * maintenance);
        position = new Position
        {
            Side = side,
            EntryBar = i,
            Quantity = quantity,
            EntryPrice = price,
            EntryFee = fee,
            Margin = notional / leverage,
            Stop = stop,
            Target = price * (100 + side * targetPct) / 100,
            Liquidation = liquidation,
            Guard = side * (stop - liquidation) > 0 ? stop : liquidation,
        };
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
            Exit(i, Fill(open[i], -side), ExitReason.StopLoss, exposedThisBar: true);
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
                    Exit(i, Fill(position.Stop, -side), ExitReason.StopLoss, exposedThisBar: true);
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

    private void Close(int i, double price, double gross, double exitFee, ExitReason reason, bool exposedThisBar)
    {
        var p = position;
        cash += gross - exitFee;
        var pnl = gross - p.EntryFee - exitFee;
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
            reason));
        position = default;
    }
}
