using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Platform.Engine.Data;

namespace Platform.MarketData.Ingest;

/// <summary>
/// A CSV upload read with CsvHelper's low-level parser: cells are taken by column index, never mapped to records, so a
/// row costs no more than the strings of the cells a candle needs.
/// </summary>
internal sealed class CsvCandleFile : CandleFile
{
    // docs/bybit.md, 5.3: data.binance.vision klines, whose spot files often come without this header.
    private static readonly string[] BinanceColumns =
        ["open_time", "open", "high", "low", "close", "volume", "close_time", "quote_volume", "count", "taker_buy_volume", "taker_buy_quote_volume", "ignore"];

    private static readonly string[] BybitColumns = ["timestamp", "open", "high", "low", "close", "volume", "turnover"];

    private static readonly string[] TradingViewColumns = ["time", "open", "high", "low", "close"];

    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        // A stray quote spoils that cell, which then fails to parse and rejects its row rather than the file.
        BadDataFound = null,
        DetectDelimiter = false,
        BufferSize = CandleFileContent.BufferSize,
    };

    private readonly CsvParser parser;
    private readonly CandleColumns columns;
    private readonly int width;
    private readonly Interval interval;
    private readonly Func<int, string?> cell;
    private readonly bool firstRecordIsData;

    private CsvCandleFile(CsvParser parser, string layout, CandleColumns columns, Interval interval, bool firstRecordIsData)
        : base(layout)
    {
        this.parser = parser;
        this.columns = columns;
        this.interval = interval;
        this.firstRecordIsData = firstRecordIsData;
        width = parser.Count;
        cell = index => parser[index];
    }

    /// <summary>Reads the header (or the first row of a header-less Binance file) and recognizes the layout.</summary>
    public static async Task<CandleFile> OpenAsync(Stream text, Interval interval, CancellationToken cancellationToken)
    {
        var parser = new CsvParser(new StreamReader(text, Encoding.UTF8, false, CandleFileContent.BufferSize), Configuration);
        try
        {
            if (!await ReadAsync(parser, cancellationToken))
            {
                throw new CandleFileException(CandleFileContent.EmptyMessage);
            }

            var first = parser.Record!;
            if (first.Length == BinanceColumns.Length && CandleTime.TryParse(first[0], out _))
            {
                return new CsvCandleFile(parser, CandleFileLayout.BinanceKline, CandleColumns.Map(BinanceColumns), interval, true);
            }

            var columns = CandleColumns.Map(first);
            if (!columns.HasPrices)
            {
                throw new CandleFileException(
                    $"the first line is not a recognizable candle header; expected {CandleColumns.Accepted} (Binance klines may come without a header)");
            }

            return new CsvCandleFile(parser, LayoutOf(first, columns), columns, interval, false);
        }
        catch
        {
            parser.Dispose();
            throw;
        }
    }

    public override async IAsyncEnumerable<CandleFileRow> ReadRowsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var pending = firstRecordIsData;
        while (pending || await ReadAsync(parser, cancellationToken))
        {
            pending = false;
            yield return parser.Count == width
                ? columns.Select(cell).Parse(parser.RawRow, interval)
                : CandleFileRow.Rejected(parser.RawRow, $"expected {width} columns, found {parser.Count}");
        }
    }

    public override void Dispose() => parser.Dispose();

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

    private static async ValueTask<bool> ReadAsync(CsvParser parser, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return await parser.ReadAsync();
        }
        catch (InvalidDataException exception)
        {
            throw CandleFileContent.CorruptGzip(exception);
        }
    }
}
