using Platform.Backtests.Backtests;
using Platform.Backtests.Reports;
using Platform.Candles;
using Platform.Jobs;

namespace Platform.Backtests.Queue;

internal static class QueueServiceExtensions
{
    /// <summary>Registers the backtest store, the run queue with its workers, and the candle feed.</summary>
    public static IHostApplicationBuilder AddBacktests(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<QueueOptions>(builder.Configuration.GetSection(QueueOptions.Section));
        builder.AddJobQueue<Backtest, BacktestWorker>(BacktestQueue.StreamName, BacktestRuns.Table, QueueOptions.Section);
        builder.Services.Configure<MultiTimeframeOptions>(builder.Configuration.GetSection(MultiTimeframeOptions.Section));
        builder.Services.Configure<BacktestLimits>(builder.Configuration.GetSection(BacktestLimits.Section));
        builder.Services.AddSingleton<BacktestStore>();
        builder.Services.AddSingleton<BacktestRuns>();
        builder.Services.AddSingleton<ReportLoader>();
        builder.Services.AddSingleton<BacktestQueue>();
        builder.Services.AddSingleton<BacktestMetrics>();
        builder.Services.AddScoped<BacktestRunner>();
        builder.AddCandleFeed();
        return builder;
    }
}
