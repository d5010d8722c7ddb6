namespace Platform.Optimizations.Search;

/// <summary>Bodies of the search endpoint as its OpenAPI operations show them (docs/api-behaviour.md, 3.13).</summary>
internal static class SearchExamples
{
    public const string Search = """
        {"param_space": {"fast": {"type": "int", "low": 2, "high": 60}, "slow": {"min": 20, "max": 400, "step": 5}}, "n_trials": 200, "method": "tpe", "seed": 7, "n_initial": 20, "early_stopping": 60, "metric": "sharpe_ratio"}
        """;

    public const string SearchStarted = """
        {"task_id": "0b7e4f2a-9c1d-4e8b-a6f3-2d5c7e9a1b40", "optimization_id": 7, "run_id": 14, "queue": "optimizations", "status": "queued", "total_combinations": 200, "chunks": 4}
        """;
}
