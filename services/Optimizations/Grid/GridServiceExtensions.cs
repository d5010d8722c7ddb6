using Platform.Optimizations.Optimizations;
using Platform.Optimizations.Strategies;
using Platform.Optimizations.WalkForward;
using Platform.Candles;
using Platform.Jobs;

namespace Platform.Optimizations.Grid;

internal static class GridServiceExtensions
{
    /// <summary>Registers the optimization store, the chunk stream with its workers and reconciler, the candle feed and the strategy client.</summary>
    public static IHostApplicationBuilder AddOptimizations(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(GridOptions.Section);
        builder.Services.Configure<GridOptions>(section);
        builder.Services.Configure<OptimizationLimits>(builder.Configuration.GetSection(OptimizationLimits.Section));
        var lease = section.Get<GridOptions>()?.Lease ?? new GridOptions().Lease;
        builder.Services.AddJobStream(GridWorker.StreamName, lease);
        builder.Services.AddJobStream(WalkForwardWorker.StreamName, lease);
        builder.Services.AddSingleton<OptimizationStore>();
        builder.Services.AddSingleton<WalkForwardRuns>();
        builder.Services.AddSingleton<GridRuns>();
        builder.Services.AddSingleton<OptimizationMetrics>();
        builder.Services.AddMemoryCache(cache => cache.SizeLimit = 20_000_000);
        builder.Services.AddScoped<CandleCache>();
        builder.Services.AddHostedService<GridWorker>();
        builder.Services.AddHostedService<GridReconciler>();
        builder.Services.AddHostedService<WalkForwardWorker>();
        builder.Services.AddHostedService<WalkForwardReconciler>();
        builder.AddCandleFeed();
        StrategyClient.AddStrategyClient(builder);
        BacktestClient.AddBacktestClient(builder);
        return builder;
    }
}
