namespace Platform.Health.Monitoring;

/// <summary>Bodies of the health API as its OpenAPI operations show them (docs/api-behaviour.md, 5).</summary>
internal static class HealthExamples
{
    public const string Overall = """
        {
          "status": "degraded", "timestamp": "2024-03-02T09:00:00+00:00",
          "components": [
            {"name": "backtests", "status": "healthy", "response_time_ms": 4.1, "detail": "ready", "last_check": "2024-03-02T09:00:00+00:00"},
            {"name": "postgres", "status": "healthy", "response_time_ms": 1.3, "detail": "SELECT 1 answered", "last_check": "2024-03-02T09:00:00+00:00"},
            {"name": "bybit", "status": "degraded", "response_time_ms": 2000.0, "detail": "no answer within 2 s", "last_check": "2024-03-02T09:00:00+00:00"}
          ]
        }
        """;

    public const string Component = """
        {"name": "postgres", "status": "healthy", "response_time_ms": 1.3, "details": "SELECT 1 answered", "last_check": "2024-03-02T09:00:00+00:00"}
        """;

    public const string Enhanced = """
        {
          "overall_status": "healthy", "timestamp": "2024-03-02T09:00:00+00:00",
          "components": [{"name": "postgres", "status": "healthy", "response_time_ms": 1.3, "details": "SELECT 1 answered", "last_check": "2024-03-02T09:00:00+00:00"}],
          "summary": {"healthy": 1, "degraded": 0, "unhealthy": 0, "total": 1}
        }
        """;

    public const string Dashboard = """
        {
          "overall_status": "degraded", "timestamp": "2024-03-02T09:00:00+00:00",
          "components": [{"name": "bybit", "status": "degraded", "response_time_ms": 2000.0, "details": "no answer within 2 s", "last_check": "2024-03-02T09:00:00+00:00"}],
          "summary": {"healthy": 0, "degraded": 1, "unhealthy": 0},
          "alerts": ["WARNING: BYBIT is degraded"]
        }
        """;

    public const string Summary = """{"status": "healthy", "timestamp": "2024-03-02T09:00:00+00:00", "components_checked": 2}""";

    public const string Bybit = """
        {
          "timestamp": "2024-03-02T09:00:00+00:00", "success_rate": 66.67, "successful": 2, "total": 3,
          "results": {
            "BTCUSDT": {"status": "ok", "candles": 10, "response_time_ms": 182.4, "latest_price": 62310.5, "latest_time": "2024-03-02T08:59:00+00:00"},
            "ETHUSDT": {"status": "ok", "candles": 10, "response_time_ms": 175.0, "latest_price": 3420.7, "latest_time": "2024-03-02T08:59:00+00:00"},
            "SOLUSDT": {"status": "error", "response_time_ms": 2000.0, "latest_price": null, "latest_time": null, "error": "no answer within 2 s"}
          }
        }
        """;

    public const string DbPool = """
        {
          "timestamp": "2024-03-02T09:00:00+00:00", "leak_detected": false,
          "services": [
            {
              "service": "backtests", "status": "ok", "detail": null, "leak_detected": false, "recommendations": [],
              "pool_status": {
                "size": 100, "min_pool_size": 0, "checked_out": 3, "checked_in": 5, "total_connections": 8, "pending_requests": 0,
                "utilization": 3.0, "health": "healthy", "total_capacity": 100, "available_capacity": 97, "is_healthy": true, "needs_attention": false
              }
            }
          ]
        }
        """;

    public const string Live = """{"status": "alive", "timestamp": "2024-03-02T09:00:00+00:00"}""";

    public const string Ready = """{"status": "ready", "timestamp": "2024-03-02T09:00:00+00:00"}""";

    public const string Metrics = """
        # TYPE platform_component_up gauge
        platform_component_up{component="postgres"} 1
        platform_component_up{component="bybit"} 0
        # TYPE platform_component_response_seconds gauge
        platform_component_response_seconds{component="postgres"} 0.0013

        """;
}
