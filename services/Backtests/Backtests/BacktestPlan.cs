using System.Text.Json.Nodes;
using Platform.Backtests.Strategies;
using Platform.Engine.Configuration;
using Platform.Engine.Data;

namespace Platform.Backtests.Backtests;

/// <summary>
/// What a backtest asks the engine to run, built from a create or update request or from a stored row: the strategy,
/// the run's <c>config</c> (holding the <c>htf_filters</c> the request gave, as it is stored), the timeframe and the
/// money settings. <see cref="Configure"/> checks it and turns it into the engine's <see cref="RunConfiguration"/>.
/// </summary>
internal sealed record BacktestPlan(Strategy Strategy, JsonObject? Config, Interval Timeframe, double InitialCapital, int Leverage, double Commission)
{
    public const int DefaultLeverage = 1;
    public const double DefaultCommission = 0.0006;

    /// <summary>The run of a create request that passed <see cref="CreateBacktestRequest.Validate"/>.</summary>
    public static BacktestPlan For(CreateBacktestRequest request, Strategy strategy) => new(
        strategy,
        WithFilters(request.ConfigObject, request.HtfFilterArray),
        Interval.Parse(request.Timeframe!),
        request.InitialCapital!.Value,
        request.Leverage ?? DefaultLeverage,
        request.Commission ?? DefaultCommission);

    /// <summary>
    /// The run a stored backtest becomes once an update applies: the request's values over the stored ones. An update
    /// replaces <c>config</c> whole and has no <c>htf_filters</c> of its own.
    /// </summary>
    public static BacktestPlan For(UpdateBacktestRequest request, Backtest current, Strategy strategy) => new(
        strategy,
        request.ConfigObject ?? StoredConfig(current),
        Interval.Parse(request.Timeframe ?? current.Timeframe),
        request.InitialCapital ?? current.InitialCapital,
        request.Leverage ?? current.Leverage,
        request.Commission ?? current.Commission);

    /// <summary>The run of a stored backtest; its <c>config</c> already holds the filters it was created with.</summary>
    public static BacktestPlan For(Backtest backtest, Strategy strategy) => new(
        strategy, StoredConfig(backtest), Interval.Parse(backtest.Timeframe), backtest.InitialCapital, backtest.Leverage, backtest.Commission);

    /// <summary>The engine's configuration, or null with the errors keyed as <see cref="RunConfiguration.Create"/> keys them.</summary>
    public RunConfiguration? Configure(Dictionary<string, string[]> errors) =>
        RunConfiguration.Create(Strategy.StrategyType, Strategy.Config, Config, Timeframe, InitialCapital, Leverage, Commission, errors);

    /// <summary>
    /// A copy of <paramref name="config"/> with <c>htf_filters</c> set to <paramref name="filters"/> (replacing any the
    /// config held), or <paramref name="config"/> itself when there are no filters: the engine reads the filters from the
    /// config (docs/api-behaviour.md, 1.5).
    /// </summary>
    public static JsonObject? WithFilters(JsonObject? config, JsonArray? filters)
    {
        if (filters is null)
        {
            return config;
        }
        var merged = config?.DeepClone().AsObject() ?? [];
        merged["htf_filters"] = filters.DeepClone();
        return merged;
    }

    private static JsonObject? StoredConfig(Backtest backtest) =>
        backtest.Config is null ? null : JsonNode.Parse(backtest.Config)?.AsObject();
}
