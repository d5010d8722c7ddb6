using Platform.Engine.Data;
using Platform.Engine.Strategies;

namespace Platform.Engine.Backtesting;

/// <summary>
/// The bar loop. Rules, in the order they apply to bar i:
/// <list type="number">
/// <item>The signal computed at bar i−1's close fills at bar i's open (never at the signal bar), so no
/// decision can see a price after the bar it was made on: exit first, then a new entry when flat.</item>
/// <item>An open position (including one just entered) meets its liquidation, stop and target levels
/// within bar i; see <see cref="CheckLevels"/>.</item>
/// <item>Equity is marked to market at bar i's close (cash plus unrealized PnL).</item>
/// <item>Bar i's signal is masked by direction and entry filters and kept for bar i+1.</item>
/// </list>
/// Every fill pays slippage (adverse, bps of price) and commission (bps of notional); quantities are
/// fractional. A position still open after the last bar closes at the last close as end_of_data.
/// </summary>
internal sealed partial class Simulator
{
    private readonly long[] time;
    private readonly double[] open;
    private readonly double[] high;
    private readonly double[] low;
    private readonly double[] close;
    private readonly List<Trade> trades;
    private readonly double commission;
    private readonly double slippage;
    private readonly double leverage;
    private readonly double maintenance;
    private readonly double stopPct;
    private readonly double targetPct;
    private readonly bool pessimistic;
    private readonly PositionSizing sizing;
    private double cash;
    private Position position;

    private Simulator(CandleSeries candles, BacktestSettings settings, List<Trade> trades)
    {
        time = candles.OpenTimeArray;
        (open, high, low, close) = (candles.OpenArray, candles.HighArray, candles.LowArray, candles.CloseArray);
        this.trades = trades;
        commission = settings.CommissionBps / 10_000;
        slippage = settings.SlippageBps / 10_000;
        leverage = settings.Leverage;
        maintenance = settings.MaintenanceMarginPct / 100;
        stopPct = settings.StopLossPct ?? double.NaN;
        targetPct = settings.TakeProfitPct ?? double.NaN;
        pessimistic = settings.FillPolicy == FillPolicy.Pessimistic;
        sizing = settings.Sizing;
        cash = settings.InitialCapital;
    }

    /// <summary>Fills <paramref name="equity"/> (one value per bar) and appends closed trades to <paramref name="trades"/>.</summary>
    public static void Run(
        CandleSeries candles, BacktestSettings settings, ReadOnlySpan<byte> signals, byte[]? permits, Span<double> equity, List<Trade> trades) =>
        new Simulator(candles, settings, trades).Loop(signals, permits, DirectionBits(settings.Direction), equity);

    private static byte DirectionBits(TradeDirection direction) => direction switch
    {
        TradeDirection.Long => Signal.EnterLong,
        TradeDirection.Short => Signal.EnterShort,
        _ => Signal.Entries,
    };

    private void Loop(ReadOnlySpan<byte> signals, byte[]? permits, byte directionBits, Span<double> equity)
    {
        var n = close.Length;
        byte pending = 0;
        for (var i = 0; i < n; i++)
        {
            if (pending != 0)
            {
                Execute(pending, i);
            }

            // Cheap test first: only a bar whose range reaches the nearest adverse level or the target
            // needs the full rules (an open beyond a level implies the range reaches it too).
            var side = position.Side;
            if (side != 0 && (side * ((side > 0 ? low[i] : high[i]) - position.Guard) <= 0
                || side * ((side > 0 ? high[i] : low[i]) - position.Target) >= 0))
            {
                CheckLevels(i);
            }

            equity[i] = cash + position.Side * position.Quantity * (close[i] - position.EntryPrice);
            var entries = permits is null ? directionBits : permits[i] & directionBits;
            pending = (byte)(signals[i] & (Signal.Exits | entries));
        }

        if (position.Side != 0)
        {
            Exit(n - 1, Fill(close[n - 1], -position.Side), ExitReason.EndOfData, exposedThisBar: true);
            equity[n - 1] = cash;
        }
    }

    private void Execute(byte signal, int i)
    {
        var exit = position.Side > 0 ? Signal.ExitLong : Signal.ExitShort;
        if (position.Side != 0 && (signal & exit) != 0)
        {
            Exit(i, Fill(open[i], -position.Side), ExitReason.Signal, exposedThisBar: false);
        }

        if (position.Side == 0 && (signal & Signal.Entries) != 0)
        {
            Enter(i, (signal & Signal.EnterLong) != 0 ? 1 : -1);
        }
    }

    /// <summary>Price after adverse slippage for an order that buys (+1) or sells (−1).</summary>
    private double Fill(double price, int orderSide) => price * (1 + orderSide * slippage);
}
