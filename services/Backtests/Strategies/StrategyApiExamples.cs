namespace Platform.Backtests.Strategies;

/// <summary>Bodies of the strategies API as its OpenAPI operations show them (docs/api-behaviour.md, 2.1).</summary>
internal static class StrategyApiExamples
{
    public const string Create = """
        {"name": "SMA 10/30", "description": "Long when the fast SMA crosses above the slow SMA, short when it crosses below.", "strategy_type": "sma_crossover", "config": {"fast": 10, "slow": 30}, "is_active": true}
        """;

    public const string Update = """{"config": {"fast": 12}}""";

    public const string Strategy = """
        {
          "id": 1, "name": "SMA 10/30", "description": "Long when the fast SMA crosses above the slow SMA, short when it crosses below.",
          "strategy_type": "sma_crossover", "config": {"fast": 10, "slow": 30}, "is_active": true,
          "created_at": "2024-03-01T08:00:00", "updated_at": "2024-03-01T08:00:00", "owner": "alice", "version": 1
        }
        """;

    public const string List = """{"items": [""" + Strategy + """], "total": 1}""";

    public const string Version = """
        {"strategy_id": 1, "version": 1, "strategy_type": "sma_crossover", "config": {"fast": 10, "slow": 30}, "created_at": "2024-03-01T08:00:00", "created_by": "alice"}
        """;

    public const string Versions = "[" + Version + "]";

    public const string Validate = """{"strategy_type": "sma_crossover", "config": {"fast": 10}, "timeframe": "60"}""";

    public const string Validation = """
        {
          "valid": true, "strategy_type": "sma_crossover", "normalized": {"fast": 10, "slow": 30},
          "parameters": [
            {"name": "fast", "type": "int", "default": 10, "min": 1, "max": 5000, "description": "Fast SMA period in bars"},
            {"name": "slow", "type": "int", "default": 30, "min": 2, "max": 10000, "description": "Slow SMA period in bars"}
          ],
          "warmup_bars": 30, "warmup_by_timeframe": {"60": 30}, "errors": {}
        }
        """;

    public const string Types = """
        [
          {
            "name": "sma_crossover", "description": "Long when the fast SMA crosses above the slow SMA, short when it crosses below.",
            "parameters": [{"name": "fast", "type": "int", "default": 10, "min": 1, "max": 5000, "description": "Fast SMA period in bars"}],
            "config_schema": {"type": "object", "properties": {"fast": {"type": "integer", "default": 10}}},
            "examples": []
          }
        ]
        """;
}
