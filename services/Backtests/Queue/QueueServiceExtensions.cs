using Platform.Backtests.Backtests;
using Platform.Backtests.Reports;
using Platform.Candles;
using Platform.Jobs;

namespace Platform.Backtests.Queue;

internal static class QueueServiceExtensions
{
    /// <summary>Registers the backtest store, the jobs stream, its workers and reconciler, and the candle feed.</summary>
    public static IHostApplicationBuilder AddBacktests(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(QueueOptions.Section);
        builder.Services.Configure<QueueOptions>(section);
        var lease = section.Get<QueueOptions>()?.Lease ?? new QueueOptions().Lease;
        builder.Services.AddJobStream(BacktestQueue.StreamName, lease);
        builder.Services.Configure<MultiTimeframeOptions>(builder.Configuration.GetSection(MultiTimeframeOptions.Section));
        builder.Services.Configure<BacktestLimits>(builder.Configuration.GetSection(BacktestLimits.Section));
        builder.Services.AddSingleton<BacktestStore>();
        builder.Services.AddSingleton<BacktestRuns>();
        builder.Services.AddSingleton<ReportLoader>();
        builder.Services.AddSingleton<BacktestQueue>();
        builder.Services.AddSingleton<BacktestMetrics>();
        builder.Services.AddScoped<BacktestRunner>();
        builder.Services.AddHostedService<BacktestWorker>();
        builder.Services.AddHostedService<BacktestReconciler>();
        builder.AddCandleFeed();
        return builder;
    }
}
