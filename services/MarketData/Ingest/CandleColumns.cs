namespace Platform.MarketData.Ingest;

/// <summary>Where each candle field sits among a CSV header's columns or a JSON object's keys; -1 when absent.</summary>
internal sealed record CandleColumns(int Time, int Open, int High, int Low, int Close, int Volume, int Turnover)
{
    /// <summary>The accepted column names, for messages to the uploader.</summary>
    public const string Accepted =
        "a time column (open_time, openTime, start_time, startTime, time, timestamp, datetime or date), open, high, low, close, "
        + "and optionally volume and turnover (or quote_volume), in any order, names case-insensitive";

    // Best first: open_time/openTime win over time, which wins over datetime/timestamp (docs/api-behaviour.md, 4.11);
    // a Binance header holds both open_time and close_time, a Bybit dump only timestamp.
    private static readonly string[] TimeNames = ["opentime", "starttime", "time", "timestamp", "datetime", "date"];
    private static readonly string[] TurnoverNames = ["turnover", "quotevolume"];

    /// <summary>Whether time, open, high, low and close were all found.</summary>
    public bool HasPrices => Time >= 0 && Open >= 0 && High >= 0 && Low >= 0 && Close >= 0;

    /// <summary>Maps names to fields; the first of equally good names wins, unknown names (indicator plots...) are ignored.</summary>
    public static CandleColumns Map(IReadOnlyList<string> names)
    {
        Span<int> index = [-1, -1, -1, -1, -1, -1, -1];
        Span<int> rank = [int.MaxValue, int.MaxValue, int.MaxValue, int.MaxValue, int.MaxValue, int.MaxValue, int.MaxValue];
        for (var i = 0; i < names.Count; i++)
        {
            if (Classify(names[i]) is var (field, nameRank) && nameRank < rank[field])
            {
                index[field] = i;
                rank[field] = nameRank;
            }
        }

        return new(index[0], index[1], index[2], index[3], index[4], index[5], index[6]);
    }

    /// <summary>Whether <paramref name="name"/> reads as <paramref name="normalized"/> ignoring case, underscores, dashes and spaces.</summary>
    public static bool Matches(ReadOnlySpan<char> name, string normalized)
    {
        var position = 0;
        foreach (var character in name.Trim())
        {
            if (character is '_' or '-' or ' ')
            {
                continue;
            }

            if (position == normalized.Length || char.ToLowerInvariant(character) != normalized[position++])
            {
                return false;
            }
        }

        return position == normalized.Length;
    }

    /// <summary>Picks the cells of the mapped columns out of a row; <paramref name="cell"/> is called only for present columns.</summary>
    public CandleCells Select(Func<int, string?> cell)
    {
        string? Cell(int index) => index < 0 ? null : cell(index);
        return new(Cell(Time), Cell(Open), Cell(High), Cell(Low), Cell(Close), Cell(Volume), Cell(Turnover));
    }

    /// <summary>Picks the cells of the mapped columns out of a row of <paramref name="text"/> split at <paramref name="cells"/>.</summary>
    public CandleCells Select(ReadOnlySpan<char> text, ReadOnlySpan<Range> cells)
    {
        ReadOnlySpan<char> Cell(ReadOnlySpan<char> row, ReadOnlySpan<Range> ranges, int index) => index < 0 ? default : row[ranges[index]];
        return new(
            Cell(text, cells, Time), Cell(text, cells, Open), Cell(text, cells, High), Cell(text, cells, Low), Cell(text, cells, Close),
            Cell(text, cells, Volume), Cell(text, cells, Turnover));
    }

    // Field numbers follow the record's parameter order.
    private static (int Field, int Rank)? Classify(string name) =>
        Array.FindIndex(TimeNames, time => Matches(name, time)) is >= 0 and var timeRank ? (0, timeRank)
        : Matches(name, "open") ? (1, 0)
        : Matches(name, "high") ? (2, 0)
        : Matches(name, "low") ? (3, 0)
        : Matches(name, "close") ? (4, 0)
        : Matches(name, "volume") ? (5, 0)
        : Array.FindIndex(TurnoverNames, turnover => Matches(name, turnover)) is >= 0 and var turnoverRank ? (6, turnoverRank)
        : null;
}
