using System.Net;
using System.Net.Http.Json;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Identity;

namespace Platform.Optimizations.Strategies;

/// <summary>A completed backtest's trades, asked from the backtests service (which owns them) for Monte Carlo.</summary>
internal sealed class BacktestClient(HttpClient http)
{
    /// <summary>The most trades the backtests service answers in one page.</summary>
    private const int PageSize = 10_000;

    /// <summary>
    /// The backtest's initial capital and every trade (pnl, commission) in order, read page by page, or null when the
    /// backtests service does not know it.
    /// </summary>
    /// <exception cref="HttpRequestException">The backtests service could not answer.</exception>
    public async Task<BacktestTrades?> GetTradesAsync(long backtestId, CancellationToken cancellationToken)
    {
        using var backtest = await http.GetAsync($"/api/v1/backtests/{backtestId}", cancellationToken);
        if (backtest.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        backtest.EnsureSuccessStatusCode();
        var summary = await backtest.Content.ReadFromJsonAsync<BacktestSummary>(StrategyInfo.Json, cancellationToken);
        var trades = new List<BacktestTrade>();
        while (true)
        {
            var page = await http.GetFromJsonAsync<List<BacktestTrade>>(
                $"/api/v1/backtests/{backtestId}/trades?limit={PageSize}&offset={trades.Count}", StrategyInfo.Json, cancellationToken) ?? [];
            trades.AddRange(page);
            if (page.Count < PageSize)
            {
                return new BacktestTrades(summary!.Status, summary.InitialCapital, trades);
            }
        }
    }

    public static IHostApplicationBuilder AddBacktestClient(IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpClient<BacktestClient>(client => client.BaseAddress = new Uri($"http://{ResourceNames.Backtests}")).AddServiceIdentity();
        return builder;
    }

    private sealed record BacktestSummary(string Status, double InitialCapital);
}

internal sealed record BacktestTrade(double? Pnl, double? Commission);

internal sealed record BacktestTrades(string Status, double InitialCapital, IReadOnlyList<BacktestTrade> Trades);
