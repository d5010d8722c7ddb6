namespace Platform.MarketData.Ingest;

/// <summary>A whole upload cannot be read as candles; the message is the reason shown to the uploader.</summary>
internal sealed class CandleFileException(string message, Exception? innerException = null) : Exception(message, innerException);
