using Platform.Jobs;
using StackExchange.Redis;

namespace Platform.Backtests.Queue;

/// <summary>Puts run ids on the jobs stream; when Redis is down the row is already committed and the reconciler enqueues it later.</summary>
internal sealed partial class BacktestQueue(
    [FromKeyedServices(BacktestQueue.StreamName)] JobStream stream, BacktestMetrics metrics, ILogger<BacktestQueue> logger)
{
    public const string StreamName = "backtests:jobs";

    public async Task EnqueueAsync(long id)
    {
        metrics.Queued();
        try
        {
            await stream.PublishAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (RedisException exception)
        {
            LogEnqueueFailed(logger, id, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Backtest {BacktestId} is stored but not yet on the stream; the reconciler will enqueue it")]
    private static partial void LogEnqueueFailed(ILogger logger, long backtestId, Exception exception);
}
