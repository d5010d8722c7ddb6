namespace Platform.Optimizations.Grid;

/// <summary>A slice [<see cref="FirstIndex"/>, <see cref="EndIndex"/>) of a run's combinations, evaluated by one worker at a time.</summary>
internal sealed record GridChunk
{
    public long Id { get; init; }

    public long OptimizationId { get; init; }

    public long RunId { get; init; }

    public Guid JobId { get; init; }

    public int ChunkNo { get; init; }

    public int FirstIndex { get; init; }

    public int EndIndex { get; init; }

    public int Attempts { get; init; }
}

/// <summary>One evaluated combination as <c>optimization_results</c> keeps it.</summary>
internal sealed record GridResultRow(string Params, double? Score, double TotalReturn, double SharpeRatio, double MaxDrawdown, double WinRate, int TotalTrades, string Metrics);
