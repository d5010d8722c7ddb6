namespace Platform.Optimizations.Optimizations;

/// <summary>Bodies of the optimizations API as its OpenAPI operations show them (docs/api-behaviour.md, 3).</summary>
internal static class OptimizationExamples
{
    public const string Create = """
        {
          "strategy_id": 1, "optimization_type": "grid_search", "symbol": "BTCUSDT", "timeframe": "60",
          "start_date": "2024-01-01T00:00:00Z", "end_date": "2024-06-01T00:00:00Z",
          "param_ranges": {"fast": [5, 10, 20], "slow": {"min": 30, "max": 90, "step": 30}},
          "metric": "sharpe_ratio", "initial_capital": 10000, "config": {"leverage": 1, "commission": 0.0006}
        }
        """;

    public const string Update = """{"status": "cancelled"}""";

    public const string Optimization = """
        {
          "id": 7, "strategy_id": 1, "optimization_type": "grid_search", "symbol": "BTCUSDT", "timeframe": "60",
          "start_date": "2024-01-01T00:00:00+00:00", "end_date": "2024-06-01T00:00:00+00:00",
          "param_ranges": {"fast": [5, 10, 20], "slow": {"min": 30, "max": 90, "step": 30}},
          "metric": "sharpe_ratio", "initial_capital": 10000, "total_combinations": 9,
          "config": {"leverage": 1, "commission": 0.0006},
          "objective": {"metric": "sharpe_ratio", "direction": "maximize", "constraints": {}, "strategy": {"strategy_type": "sma_crossover"}},
          "status": "running", "created_at": "2024-06-02T08:00:00+00:00", "updated_at": "2024-06-02T08:00:05+00:00",
          "started_at": "2024-06-02T08:00:01+00:00", "completed_at": null, "best_params": null, "best_score": null, "results": null,
          "error_message": null, "retry_at": null,
          "progress": {
            "job_id": "3f2b8c1e-55a4-4d7e-9a51-0c2f7d8e9b10", "run_type": "grid", "combinations_done": 4, "combinations_total": 9,
            "chunks_done": 0, "chunks_total": 1, "fraction": 0.444, "elapsed_seconds": 4.2, "estimated_remaining_seconds": 5.3
          },
          "owner": "alice"
        }
        """;

    public const string List = """{"items": [""" + Optimization + """], "total": 1}""";

    public const string Result = """
        {
          "id": 31, "optimization_id": 7, "run_id": 12, "trial": null, "params": {"fast": 10, "slow": 60}, "score": 1.62, "total_return": 0.184,
          "sharpe_ratio": 1.62, "max_drawdown": 0.072, "win_rate": 0.52, "total_trades": 41,
          "metrics": {"sortino_ratio": 2.31, "profit_factor": 1.74, "net_profit": 1840.2}
        }
        """;

    public const string Results = "[" + Result + "]";

    /// <summary>A followed grid's events, each event's data shortened here to a few of the fields of its <c>GET</c> answer.</summary>
    public const string Events = """
        id: 0c4b7e29f1a85d36
        event: state
        data: {"id": 7, "status": "running", "progress": {"combinations_done": 400, "combinations_total": 1200, "chunks_done": 1, "chunks_total": 3, "fraction": 0.333, "estimated_remaining_seconds": 8.1}}

        id: 7a1e5c93b2d04f68
        event: state
        data: {"id": 7, "status": "running", "progress": {"combinations_done": 800, "combinations_total": 1200, "chunks_done": 2, "chunks_total": 3, "fraction": 0.667, "estimated_remaining_seconds": 4.0}}

        id: e29d6b0a4c7f1385
        event: end
        data: {"id": 7, "status": "completed", "best_score": 1.87, "progress": {"combinations_done": 1200, "combinations_total": 1200, "chunks_done": 3, "chunks_total": 3, "fraction": 1.0}}

        """;
}
