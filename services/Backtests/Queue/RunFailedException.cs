namespace Platform.Backtests.Queue;

/// <summary>A run that cannot succeed however often it is tried: unknown strategy, invalid settings, no candles.</summary>
internal sealed class RunFailedException(string message, Exception? innerException = null) : Exception(message, innerException);
