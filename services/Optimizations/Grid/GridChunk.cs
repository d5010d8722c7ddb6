namespace Platform.Optimizations.Grid;

/// <summary>
/// Work for one worker at a time: a slice [<see cref="FirstIndex"/>, <see cref="EndIndex"/>) of the product of a grid's
/// axes, whose combinations the strategy accepts are evaluated (so the worker validates its own slice, not the whole grid
/// before it), or the trials a search proposed (<see cref="Trials"/>).
/// </summary>
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

    /// <summary>A search's trials, a JSON array of <c>{"trial": n, "params": {…}}</c>; null for a grid's slice.</summary>
    public string? Trials { get; init; }
}

/// <summary>
/// One evaluated combination as <c>optimization_results</c> keeps it: a search's trial number, and its returns per period
/// for the overfitting odds.
/// </summary>
internal sealed record GridResultRow(
    string Params, double? Score, double TotalReturn, double SharpeRatio, double MaxDrawdown, double WinRate, int TotalTrades, string Metrics)
{
    public int? Trial { get; init; }

    public double[]? PeriodReturns { get; init; }
}
