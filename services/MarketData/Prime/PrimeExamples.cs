namespace Platform.MarketData.Prime;

/// <summary>Bodies of the backfill endpoints as their OpenAPI operations show them (docs/api-behaviour.md, 4.12).</summary>
internal static class PrimeExamples
{
    public const string Job = """
        {
          "job_id": "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e", "symbol": "BTCUSDT", "intervals": ["1", "5", "15", "60"], "status": "running",
          "pages_done": 2, "pages_total": 4, "progress": 0.5, "candles_stored": 2000, "current_interval": "15", "errors": [],
          "error_message": null, "retry_at": null, "attempts": 1, "ram_working_set": {"1": 500, "5": 500},
          "created_at": "2024-03-02T09:00:00", "started_at": "2024-03-02T09:00:01", "finished_at": null
        }
        """;

    public const string Summary = """
        {
          "symbol": "BTCUSDT", "intervals": ["1", "5"], "ram_working_set": {"1": 500, "5": 500},
          "job_id": "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e", "status": "completed", "pages_done": 2, "pages_total": 2, "candles_stored": 2000
        }
        """;

    /// <summary>A followed backfill's events, each event's data shortened here to a few of the fields of its <c>GET</c> answer.</summary>
    public const string Events = """
        id: 6b0f3e2d9a1c4758
        event: state
        data: {"job_id": "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e", "status": "running", "pages_done": 1, "pages_total": 4, "progress": 0.25, "estimated_remaining_seconds": 3.2}

        id: c3a81f7e05d92b46
        event: end
        data: {"job_id": "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e", "status": "completed", "pages_done": 4, "pages_total": 4, "progress": 1.0, "estimated_remaining_seconds": null}

        """;
}
