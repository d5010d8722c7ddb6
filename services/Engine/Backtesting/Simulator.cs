using System.Buffers;
using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Platform.Engine.Indicators;
using Platform.Engine.Strategies;

namespace Platform.Engine.Backtesting;

/// <summary>
/// The bar loop. Rules, in the order they apply to bar i:
/// <list type="number">
/// <item>Funding: every funding time (00:00, 08:00, 16:00 UTC) in (bar i−1's open, bar i's open] is charged to the
/// position held into bar i, at bar i's open price, before any fill; see <see cref="Fund"/>.</item>
/// <item>The signal computed at bar i−1's close fills at bar i's open (never at the signal bar), so no decision can see a
/// price after the bar it was made on: a signal exit first, else the max-bars exit of a position held
/// <see cref="BacktestSettings.MaxBarsInTrade"/> bars, then a new entry when flat or an added entry in the position's
/// direction while it has fewer than <see cref="BacktestSettings.MaxEntries"/>.</item>
/// <item>An open position (including one just entered) meets its liquidation, stop and target levels
/// within bar i; see <see cref="CheckLevels"/>.</item>
/// <item>Equity is marked to market at bar i's close (cash plus unrealized PnL).</item>
/// <item>A position still open moves its trailing stop to bar i's high (low for a short), which therefore acts from
/// bar i+1 on; see <see cref="FollowBest"/>.</item>
/// <item>Bar i's signal is masked by direction and entry filters and kept for bar i+1.</item>
/// </list>
/// Every fill pays slippage (adverse, bps of price) and commission (bps of notional); quantities are
/// fractional. A position still open after the last bar closes at the last close as end_of_data.
/// </summary>
internal partial struct Simulator
{
    /// <summary>Bybit settles funding every 8 hours from 00:00 UTC, so funding times are the multiples of 8 h since the epoch.</summary>
    private const long FundingInterval = 8 * 3_600_000L;

    /// <summary>For each combination of signal bits, the signal bytes that hold any of them.</summary>
    private static readonly SearchValues<byte>[] AnyBitOf =
        [.. Enumerable.Range(0, 16).Select(bits => SearchValues.Create([.. Enumerable.Range(0, 256).Where(value => (value & bits) != 0).Select(value => (byte)value)]))];

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
    private readonly LevelRule stopRule;
    private readonly LevelRule targetRule;
    private readonly LevelRule trailRule;
    private readonly bool trailing;
    private readonly bool needsAtr;
    private readonly int maxBars;
    private readonly int maxEntries;
    private readonly double fundingRate;
    private readonly bool pessimistic;
    private readonly PositionSizing sizing;
    private double cash;
    private long nextFunding = long.MaxValue;

    /// <summary>The next bar that settles funding, and the first bar at which funding or the bar limit needs attention.</summary>
    private int fundingBar = int.MaxValue;
    private int nextEvent = int.MaxValue;
    private Position position;

    private Simulator(IndicatorCache indicators, BacktestSettings settings, List<Trade> trades)
    {
        var candles = indicators.Candles;
        time = candles.OpenTimeArray;
        (open, high, low, close) = (candles.OpenArray, candles.HighArray, candles.LowArray, candles.CloseArray);
        this.trades = trades;
        commission = settings.CommissionBps / 10_000;
        slippage = settings.SlippageBps / 10_000;
        leverage = settings.Leverage;
        maintenance = settings.MaintenanceMarginPct / 100;
        stopRule = new LevelRule(settings.StopLoss, indicators);
        targetRule = new LevelRule(settings.TakeProfit, indicators);
        trailRule = new LevelRule(settings.TrailingStop, indicators);
        trailing = trailRule.IsOn;
        needsAtr = settings.StopLoss?.IsAtr == true || settings.TakeProfit?.IsAtr == true || settings.TrailingStop?.IsAtr == true;
        maxBars = settings.MaxBarsInTrade ?? int.MaxValue;
        maxEntries = settings.MaxEntries;
        fundingRate = settings.FundingRatePer8Hours;
        if (fundingRate != 0 && time.Length > 0)
        {
            // The first funding time after the first bar's open (floor division, so times before 1970 work too).
            var periods = time[0] / FundingInterval - (time[0] < 0 && time[0] % FundingInterval != 0 ? 1 : 0);
            nextFunding = (periods + 1) * FundingInterval;
            fundingBar = FirstBarFrom(1, nextFunding);
            nextEvent = fundingBar;
        }

        pessimistic = settings.FillPolicy == FillPolicy.Pessimistic;
        sizing = settings.Sizing;
        cash = settings.InitialCapital;
    }

    /// <summary>Fills <paramref name="equity"/> (one value per bar) and appends closed trades to <paramref name="trades"/>.</summary>
    public static void Run(
        IndicatorCache indicators, BacktestSettings settings, ReadOnlySpan<byte> signals, byte[]? permits, Span<double> equity, List<Trade> trades)
    {
        var directionBits = DirectionBits(settings.Direction);
        ReserveTrades(trades, signals, directionBits);
        new Simulator(indicators, settings, trades).Loop(signals, permits, directionBits, equity);
    }

    /// <summary>
    /// Every trade opens at an entry signal, so the bars that signal an entry bound the trades: when they are few (a
    /// crossover's), the list is sized once instead of growing by doubling through tens of thousands of trades. Rules
    /// whose entries hold for many bars (a level rather than a crossing) leave it to grow as trades come.
    /// </summary>
    private static void ReserveTrades(List<Trade> trades, ReadOnlySpan<byte> signals, byte entryBits)
    {
        var entries = 0;
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var bits = Vector256.Create(entryBits);
            for (; i <= signals.Length - Vector256<byte>.Count; i += Vector256<byte>.Count)
            {
                var signalling = ~Vector256.Equals(Vector256.Create(signals[i..]) & bits, Vector256<byte>.Zero);
                entries += BitOperations.PopCount(signalling.ExtractMostSignificantBits());
            }
        }

        for (; i < signals.Length; i++)
        {
            entries += (signals[i] & entryBits) != 0 ? 1 : 0;
        }

        if (entries <= signals.Length / 16)
        {
            trades.EnsureCapacity(trades.Count + entries);
        }
    }

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
            if (pending == 0 && i < nextEvent && (position.Side == 0 || !(position.Watched || trailing)))
            {
                i = Coast(i, Math.Min(n, nextEvent), signals, directionBits, equity);
                if (i == n)
                {
                    break;
                }
            }

            // Funding and the bar limit are rare events behind one comparison; with neither, nextEvent stays int.MaxValue.
            if (i >= nextEvent)
            {
                Events(i, pending);
            }

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
            if (trailing && position.Side != 0)
            {
                FollowBest(i);
            }

            var entries = permits is null ? directionBits : permits[i] & directionBits;
            pending = (byte)(signals[i] & (Signal.Exits | entries));
        }

        if (position.Side != 0)
        {
            Exit(n - 1, Fill(close[n - 1], -position.Side), ExitReason.EndOfData, exposedThisBar: true);
            equity[n - 1] = cash;
        }
    }

    /// <summary>
    /// Bars from <paramref name="start"/> on where nothing can happen, passed in vector steps: no order is pending, no
    /// event is due before <paramref name="limit"/>, and no level can be reached (flat, or held with no stop, no target, no
    /// trailing stop and a liquidation price of 0). Equity is then the cash plus a fixed quantity's PnL at each close,
    /// written exactly as the bar loop writes it. Stops before the first bar whose signal could fill (an entry the
    /// direction allows when flat; an exit of the position, or an entry adding to it, when held), which the bar loop then
    /// takes; returns that bar, or <paramref name="limit"/>.
    /// </summary>
    private int Coast(int start, int limit, ReadOnlySpan<byte> signals, byte directionBits, Span<double> equity)
    {
        var side = position.Side;
        var adding = side != 0 && position.Entries < maxEntries ? (side > 0 ? Signal.EnterLong : Signal.EnterShort) & directionBits : 0;
        var fills = side == 0 ? directionBits : ExitBit(side) | adding;
        var found = signals[start..limit].IndexOfAny(AnyBitOf[fills]);
        var end = found < 0 ? limit : start + found;

        // The bar after the stop is where an order fills: its open and time are read far from the bars just passed.
        Prefetch(open, end + 1);
        Prefetch(time, end + 1);
        var marks = equity[start..end];
        if (side == 0)
        {
            marks.Fill(cash);
        }
        else
        {
            Mark(marks, close.AsSpan(start, end - start), cash, side * position.Quantity, position.EntryPrice);
            Scan(end);
            Prefetch(time, position.EntryBar);
        }

        return end;
    }

    /// <summary>Asks the processor to load an element it will soon need (a no-op where it has no such instruction).</summary>
    private static unsafe void Prefetch<T>(T[] values, int index)
        where T : unmanaged
    {
        if (Sse.IsSupported && (uint)index < (uint)values.Length)
        {
            fixed (T* element = &values[index])
            {
                Sse.Prefetch0(element);
            }
        }
    }

    /// <summary>cash + quantity × (close − entry) at each close, the bar loop's expression with its order of operations.</summary>
    private static void Mark(Span<double> equity, ReadOnlySpan<double> closes, double cash, double signedQuantity, double entryPrice)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var (cashes, quantities, entries) = (Vector256.Create(cash), Vector256.Create(signedQuantity), Vector256.Create(entryPrice));
            for (; i <= equity.Length - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                (cashes + quantities * (Vector256.Create(closes[i..]) - entries)).CopyTo(equity[i..]);
            }
        }

        for (; i < equity.Length; i++)
        {
            equity[i] = cash + signedQuantity * (closes[i] - entryPrice);
        }
    }

    private void Execute(byte signal, int i)
    {
        var side = position.Side;
        if (side != 0 && (signal & ExitBit(side)) != 0)
        {
            Exit(i, Fill(open[i], -side), ExitReason.Signal, exposedThisBar: false);
        }

        if ((signal & Signal.Entries) != 0)
        {
            var direction = (signal & Signal.EnterLong) != 0 ? 1 : -1;
            if (position.Side == 0 || (position.Side == direction && position.Entries < maxEntries))
            {
                Enter(i, direction);
            }
        }
    }

    private static byte ExitBit(int side) => side > 0 ? Signal.ExitLong : Signal.ExitShort;

    /// <summary>
    /// Funding due at bar i's open, then the bar limit: a position held <see cref="BacktestSettings.MaxBarsInTrade"/> bars
    /// leaves at this open with reason max_bars, unless a signal exit fills here anyway (it keeps its reason). An entry
    /// signal may open a new position at the same open, as after any exit at the open.
    /// </summary>
    private void Events(int i, byte pending)
    {
        if (i >= fundingBar)
        {
            Fund(i);
        }

        var side = position.Side;
        if (side != 0 && i >= position.Deadline && (pending & ExitBit(side)) == 0)
        {
            Exit(i, Fill(open[i], -side), ExitReason.MaxBars, exposedThisBar: false);
        }

        ScheduleEvents();
    }

    private void ScheduleEvents() => nextEvent = Math.Min(fundingBar, position.Side != 0 ? position.Deadline : int.MaxValue);

    /// <summary>
    /// Perpetual funding at bar i's open for every funding time in (bar i−1's open, bar i's open], so a daily bar
    /// counts three: rate × quantity × open, paid by a long and received by a short (the reverse for a negative rate),
    /// taken from cash and added to the trade's <see cref="Trade.Funding"/>. A position entered at bar i's open pays
    /// nothing for these times; one leaving at that open has paid them.
    /// </summary>
    private void Fund(int i)
    {
        var count = (time[i] - nextFunding) / FundingInterval + 1;
        nextFunding += count * FundingInterval;
        fundingBar = FirstBarFrom(i + 1, nextFunding);
        if (position.Side != 0)
        {
            var paid = position.Side * fundingRate * position.Quantity * open[i] * count;
            cash -= paid;
            position.Funding += paid;
        }
    }

    /// <summary>The first bar from <paramref name="start"/> that opens at or after <paramref name="moment"/>; int.MaxValue when none does.</summary>
    private int FirstBarFrom(int start, long moment)
    {
        var j = start;
        while (j < time.Length && time[j] < moment)
        {
            j++;
        }

        return j < time.Length ? j : int.MaxValue;
    }

    /// <summary>Price after adverse slippage for an order that buys (+1) or sells (−1).</summary>
    private double Fill(double price, int orderSide) => price * (1 + orderSide * slippage);
}
