namespace Platform.Optimizations.Runs;

/// <summary>Answers of the runs endpoints as their OpenAPI operations show them.</summary>
internal static class RunViewExamples
{
    public const string Run = """
        {
          "id": 12, "optimization_id": 7, "kind": "grid", "job_id": "3f2b8c1e-55a4-4d7e-9a51-0c2f7d8e9b10",
          "settings": {"objective": {"metric": "sharpe_ratio", "maximize": true}, "param_ranges": {"fast": [5, 10, 20], "slow": [30, 60, 90]}, "config": null},
          "status": "completed", "progress": {"done": 9, "total": 9, "fraction": 1},
          "created_at": "2026-12-01T10:00:00+00:00", "started_at": "2026-12-01T10:00:01+00:00", "completed_at": "2026-12-01T10:00:04+00:00",
          "elapsed_seconds": 3.2, "best_params": {"fast": 10, "slow": 60}, "best_score": 1.42,
          "results": {"method": "grid_search", "metric": "sharpe_ratio", "best_params": {"fast": 10, "slow": 60}, "best_score": 1.42},
          "error_message": null
        }
        """;

    public const string List = """
        {"items": [
          {"id": 13, "optimization_id": 7, "kind": "walk_forward", "job_id": "8d0c6a4f-1b2e-4f3a-9c7d-5e6f7a8b9c0d", "settings": {}, "status": "running",
           "progress": {"done": 3, "total": 8, "fraction": 0.375}, "created_at": "2026-12-01T10:05:00+00:00", "started_at": "2026-12-01T10:05:01+00:00",
           "completed_at": null, "elapsed_seconds": 12.5, "best_params": null, "best_score": null, "results": null, "error_message": null}
        ], "total": 2}
        """;

    public const string Export = "trial,fast,slow,score,total_return,sharpe_ratio,sortino_ratio,max_drawdown,win_rate,total_trades,profit_factor,final_capital,net_profit\r\n"
        + "0,12,80,1.62,0.184,1.62,2.31,0.072,0.52,41,1.74,11840.2,1840.2\r\n";

    public const string Heatmap = """
        {"data": [{"type": "heatmap", "x": [5, 10], "y": [60, 90], "z": [[1.2, 1.62], [0.8, null]], "colorscale": "Viridis"}],
         "layout": {"title": {"text": "Best sharpe_ratio by fast and slow (run 12)"}, "xaxis": {"title": {"text": "fast"}}, "yaxis": {"title": {"text": "slow"}}, "template": "plotly_white"}}
        """;
}
