namespace Platform.MarketData.Bybit;

internal static partial class BybitLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Retrying Bybit request (retry {Retry}) in {Delay} after {Reason}")]
    public static partial void Retrying(this ILogger logger, int retry, TimeSpan delay, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Bybit answered HTTP 403 to {Endpoint} (IP ban or blocked region); no requests for {BanDuration}")]
    public static partial void Banned(this ILogger logger, string endpoint, TimeSpan banDuration);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bybit circuit opened for {BreakDuration} after repeated failures")]
    public static partial void CircuitOpened(this ILogger logger, TimeSpan breakDuration);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bybit circuit closed")]
    public static partial void CircuitClosed(this ILogger logger);
}
