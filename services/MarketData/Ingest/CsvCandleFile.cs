using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Platform.Engine.Data;

namespace Platform.MarketData.Ingest;

/// <summary>
/// A CSV upload read a block of lines at a time (<see cref="TextLines"/>), each line split into cells that are spans of it:
/// a million rows cost no string per line or cell. Fields are separated by commas; a field that starts with a quote runs to its
/// closing quote (commas inside it are text), a quote anywhere else is text, and empty lines are skipped. A quoted field
/// cannot span lines: candle files hold numbers and names, never line breaks inside a cell.
/// </summary>
internal sealed class CsvCandleFile : CandleFile
{
    // docs/bybit.md, 5.3: data.binance.vision klines, whose spot files often come without this header.
    private static readonly string[] BinanceColumns =
        ["open_time", "open", "high", "low", "close", "volume", "close_time", "quote_volume", "count", "taker_buy_volume", "taker_buy_quote_volume", "ignore"];

    private static readonly string[] BybitColumns = ["timestamp", "open", "high", "low", "close", "volume", "turnover"];

    private static readonly string[] TradingViewColumns = ["time", "open", "high", "low", "close"];

    private readonly TextLines lines;
    private readonly CandleColumns columns;
    private readonly int width;
    private readonly Interval interval;
    private readonly Range[] cells;
    private (long Line, string Text)? firstRecord;
    private long line;

    private CsvCandleFile(TextLines lines, string layout, CandleColumns columns, int width, Interval interval, (long, string)? firstRecord, long line)
        : base(layout)
    {
        this.lines = lines;
        this.columns = columns;
        this.width = width;
        this.interval = interval;
        this.firstRecord = firstRecord;
        this.line = line;
        cells = new Range[width];
    }

    /// <summary>Reads the header (or the first row of a header-less Binance file) and recognizes the layout.</summary>
    public static async Task<CandleFile> OpenAsync(Stream text, Interval interval, CancellationToken cancellationToken)
    {
        var lines = new TextLines(new StreamReader(text, Encoding.UTF8, false, CandleFileContent.BufferSize));
        try
        {
            long line = 0;
            string? first;
            do
            {
                first = await lines.ReadLineAsync(cancellationToken);
                line++;
            }
            while (first is { Length: 0 });
            if (first is null)
            {
                throw new CandleFileException(CandleFileContent.EmptyMessage);
            }

            var header = Cells(first);
            if (header.Length == BinanceColumns.Length && CandleTime.TryParse(header[0], out _))
            {
                return new CsvCandleFile(lines, CandleFileLayout.BinanceKline, CandleColumns.Map(BinanceColumns), header.Length, interval, (line, first), line);
            }

            var columns = CandleColumns.Map(header);
            if (!columns.HasPrices)
            {
                throw new CandleFileException(
                    $"the first line is not a recognizable candle header; expected {CandleColumns.Accepted} (Binance klines may come without a header)");
            }

            return new CsvCandleFile(lines, LayoutOf(header, columns), columns, header.Length, interval, null, line);
        }
        catch
        {
            lines.Dispose();
            throw;
        }
    }

    public override async IAsyncEnumerable<ReadOnlyMemory<CandleFileRow>> ReadBatchesAsync(
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var rows = new CandleFileRow[BatchRows];
        var count = 0;
        if (firstRecord is var (firstLine, firstText))
        {
            firstRecord = null;
            rows[count++] = Row(firstLine, firstText);
        }
        while (true)
        {
            count = ReadRows(rows, count);
            if (count == rows.Length)
            {
                yield return rows;
                count = 0;
            }
            else if (!await lines.FillAsync(cancellationToken))
            {
                break;
            }
        }
        if (count > 0)
        {
            yield return rows.AsMemory(0, count);
        }
    }

    public override void Dispose() => lines.Dispose();

    /// <summary>Parses the whole lines read so far into <paramref name="rows"/> from <paramref name="count"/> on, until it is full; returns the new count.</summary>
    // The row path is compiled optimized from its first call (here and in the cell checks): an upload runs a million rows
    // through it at once, long before tiered compilation would promote it, and unoptimized it took five times as long.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int ReadRows(CandleFileRow[] rows, int count)
    {
        while (count < rows.Length && lines.TryRead(out var text))
        {
            line++;
            if (!text.IsEmpty)
            {
                rows[count++] = Row(line, text);
            }
        }
        return count;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private CandleFileRow Row(long row, ReadOnlySpan<char> text)
    {
        var count = Split(text, cells);
        return count == width
            ? columns.Select(text, cells).Parse(row, interval)
            : CandleFileRow.Rejected(row, $"expected {width} columns, found {count}");
    }

    /// <summary>The cells of a header line, as text.</summary>
    private static string[] Cells(string text)
    {
        var ranges = new Range[Split(text, [])];
        Split(text, ranges);
        return Array.ConvertAll(ranges, range => text[range]);
    }

    /// <summary>
    /// Splits <paramref name="text"/> into fields, writing the first ones' ranges (without a quoted field's quotes) into
    /// <paramref name="ranges"/>, and returns how many fields the line has.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Split(ReadOnlySpan<char> text, Span<Range> ranges)
    {
        var count = 0;
        var position = 0;
        while (true)
        {
            Range field;
            int next;
            if (position < text.Length && text[position] == '"')
            {
                var closing = text[(position + 1)..].IndexOf('"');
                var end = closing < 0 ? text.Length : position + 1 + closing;
                field = (position + 1)..end;
                var comma = end < text.Length ? text[end..].IndexOf(',') : -1;
                next = comma < 0 ? -1 : end + comma;
            }
            else
            {
                var comma = text[position..].IndexOf(',');
                next = comma < 0 ? -1 : position + comma;
                field = position..(next < 0 ? text.Length : next);
            }
            if (count < ranges.Length)
            {
                ranges[count] = field;
            }
            count++;
            if (next < 0)
            {
                return count;
            }
            position = next + 1;
        }
    }

    private static string LayoutOf(string[] header, CandleColumns columns) =>
        HasNames(header, BinanceColumns) ? CandleFileLayout.BinanceKline
        : HasNames(header, BybitColumns) ? CandleFileLayout.BybitApi
        : HasNames(header.AsSpan(0, Math.Min(header.Length, TradingViewColumns.Length)), TradingViewColumns) ? CandleFileLayout.TradingView
        : CandleColumns.Matches(header[columns.Time], "date") ? CandleFileLayout.Pandas
        : CandleFileLayout.Generic;

    private static bool HasNames(ReadOnlySpan<string> header, string[] names)
    {
        if (header.Length != names.Length)
        {
            return false;
        }

        for (var i = 0; i < names.Length; i++)
        {
            if (!CandleColumns.Matches(header[i], names[i].Replace("_", "", StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }
}
