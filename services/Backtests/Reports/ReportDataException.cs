namespace Platform.Backtests.Reports;

/// <summary>
/// The stored result document cannot be read as a backtest result: a time that is not a time, a number that is not a
/// number, a side that is neither long nor short. Endpoints answer it with 422 (the original failed with 500).
/// </summary>
internal sealed class ReportDataException(string message) : Exception(message);
