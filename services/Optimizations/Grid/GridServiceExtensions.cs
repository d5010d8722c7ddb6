using Platform.Optimizations.Optimizations;
using Platform.Optimizations.Strategies;
using Platform.Optimizations.WalkForward;
using Platform.Candles;
using Platform.Jobs;
using Platform.Optimizations.Charts;
using Platform.Optimizations.Runs;
using Platform.Optimizations.Search;

namespace Platform.Optimizations.Grid;

internal static class GridServiceExtensions
{
    /// <summary>Registers the optimization store, the chunk and walk-forward queues with their workers, the candle feed and the strategy client.</summary>
    public static IHostApplicationBuilder AddOptimizations(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<GridOptions>(builder.Configuration.GetSection(GridOptions.Section));
        builder.Services.Configure<OptimizationLimits>(builder.Configuration.GetSection(OptimizationLimits.Section));
        builder.AddJobQueue<GridChunk, GridWorker>(GridWorker.StreamName, GridRuns.Table, GridOptions.Section, options =>
        {
            options.Concurrency = 1;
            options.HeartbeatInterval = GridWorker.StopPoll;
        });
        builder.AddJobQueue<Optimization, WalkForwardWorker>(WalkForwardWorker.StreamName, WalkForwardRuns.Table, GridOptions.Section, options =>
        {
            options.Concurrency = 1;
            options.HeartbeatInterval = GridWorker.StopPoll;
        });
        builder.Services.AddSingleton<OptimizationStore>();
        builder.Services.AddSingleton<WalkForwardRuns>();
        builder.Services.AddSingleton<GridRuns>();
        builder.Services.AddSingleton<SearchRuns>();
        builder.Services.AddSingleton<OptimizationRuns>();
        builder.Services.AddSingleton<RunExport>();
        builder.Services.AddSingleton<RunCharts>();
        builder.Services.AddSingleton<OptimizationMetrics>();
        builder.Services.AddMemoryCache(cache => cache.SizeLimit = 20_000_000);
        builder.Services.AddScoped<CandleCache>();
        builder.AddCandleFeed();
        StrategyClient.AddStrategyClient(builder);
        BacktestClient.AddBacktestClient(builder);
        return builder;
    }
}
