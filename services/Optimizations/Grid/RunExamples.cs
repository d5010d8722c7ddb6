namespace Platform.Optimizations.Grid;

/// <summary>Bodies of the run endpoints (grid, walk-forward, Monte Carlo) as their OpenAPI operations show them (docs/api-behaviour.md, 3.7–3.10).</summary>
internal static class RunExamples
{
    public const string Grid = """
        {"param_space": {"fast": [5, 10, 20], "slow": [30, 60, 90]}, "metric": "sharpe_ratio", "direction": "maximize", "min_trades": 10, "max_drawdown": 0.25}
        """;

    public const string WalkForward = """
        {"param_space": {"fast": [5, 10, 20], "slow": [30, 60]}, "metric": "sharpe_ratio", "train_size": 120, "test_size": 60, "step_size": 30, "unit": "days", "mode": "rolling"}
        """;

    public const string GridStarted = """
        {"task_id": "3f2b8c1e-55a4-4d7e-9a51-0c2f7d8e9b10", "optimization_id": 7, "run_id": 12, "queue": "optimizations", "status": "queued", "total_combinations": 9, "chunks": 1}
        """;

    public const string WalkForwardStarted = """
        {"task_id": "8d0c6a4f-1b2e-4f3a-9c7d-5e6f7a8b9c0d", "optimization_id": 7, "run_id": 13, "queue": "optimizations.walk", "status": "queued", "total_combinations": 6, "chunks": 1}
        """;

    public const string MonteCarlo = """
        {"backtest_id": 42, "n_simulations": 1000, "method": "bootstrap", "seed": 7, "ruin_threshold": 20, "confidence_level": 0.95, "fee_multiplier": 1.5, "slippage_bps": 2}
        """;

    public const string MonteCarloResult = """
        {
          "optimization_id": 7,
          "source": {"kind": "backtest", "backtest_id": 42},
          "monte_carlo": {
            "n_simulations": 1000, "method": "bootstrap", "seed": 7, "n_trades": 18, "original_return": 12.5, "original_drawdown": 6.1,
            "mean_return": 11.9, "median_return": 11.7, "std_return": 7.4, "percentile_5": 0.4, "percentile_25": 6.8,
            "percentile_75": 16.7, "percentile_95": 24.9, "prob_profit": 0.953, "prob_ruin": 0.012, "original_percentile": 53.1,
            "confidence_interval": {"level": 0.95, "lower": -1.8, "upper": 26.9}
          },
          "deflated_sharpe": {"probability": 0.71, "expected_max_sharpe": 1.12, "observed_sharpe": 1.42, "trials": 9, "observations": 18}
        }
        """;
}
