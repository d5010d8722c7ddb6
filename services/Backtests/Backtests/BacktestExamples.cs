namespace Platform.Backtests.Backtests;

/// <summary>Bodies of the backtests API as its OpenAPI operations show them (docs/api-behaviour.md, 2.2–2.10).</summary>
internal static class BacktestExamples
{
    public const string Create = """
        {
          "strategy_id": 1,
          "symbol": "BTCUSDT",
          "timeframe": "60",
          "start_date": "2024-01-01T00:00:00Z",
          "end_date": "2024-03-01T00:00:00Z",
          "initial_capital": 10000,
          "leverage": 1,
          "commission": 0.0006,
          "config": {"fast": 10, "slow": 30, "stop_loss_pct": 2, "direction": "long"}
        }
        """;

    public const string MultiTimeframe = """
        {
          "strategy_id": 1,
          "symbol": "BTCUSDT",
          "timeframe": "15",
          "start_date": "2024-01-01T00:00:00Z",
          "end_date": "2024-01-15T00:00:00Z",
          "initial_capital": 10000,
          "additional_timeframes": ["60", "240"],
          "htf_filters": [{"timeframe": "240", "type": "trend_ma", "params": {"period": 200, "condition": "price_above", "ma_type": "ema"}}]
        }
        """;

    public const string Update = """{"status": "queued"}""";

    public const string Queued = """
        {
          "id": 42, "strategy_id": 1, "strategy_version": 1, "symbol": "BTCUSDT", "timeframe": "60",
          "start_date": "2024-01-01T00:00:00+00:00", "end_date": "2024-03-01T00:00:00+00:00",
          "initial_capital": 10000, "leverage": 1, "commission": 0.0006,
          "config": {"fast": 10, "slow": 30, "stop_loss_pct": 2, "direction": "long"},
          "status": "queued", "error_message": null, "attempts": 0, "claimed_by": null, "claimed_at": null,
          "lease_until": null, "retry_at": null,
          "created_at": "2024-03-02T09:00:00+00:00", "updated_at": "2024-03-02T09:00:00+00:00", "started_at": null, "completed_at": null,
          "final_capital": null, "total_return": null, "total_trades": null, "winning_trades": null, "losing_trades": null,
          "win_rate": null, "sharpe_ratio": null, "sortino_ratio": null, "max_drawdown": null, "profit_factor": null,
          "results": null, "additional_timeframes": null, "htf_filters": null, "htf_indicators": null, "owner": "alice"
        }
        """;

    public const string Completed = """
        {
          "id": 42, "strategy_id": 1, "strategy_version": 1, "symbol": "BTCUSDT", "timeframe": "60",
          "start_date": "2024-01-01T00:00:00+00:00", "end_date": "2024-03-01T00:00:00+00:00",
          "initial_capital": 10000, "leverage": 1, "commission": 0.0006,
          "config": {"fast": 10, "slow": 30, "stop_loss_pct": 2, "direction": "long"},
          "status": "completed", "error_message": null, "attempts": 1, "claimed_by": "worker-7",
          "claimed_at": "2024-03-02T09:00:01+00:00", "lease_until": null, "retry_at": null,
          "created_at": "2024-03-02T09:00:00+00:00", "updated_at": "2024-03-02T09:00:04+00:00",
          "started_at": "2024-03-02T09:00:01+00:00", "completed_at": "2024-03-02T09:00:04+00:00",
          "final_capital": 11250.5, "total_return": 0.12505, "total_trades": 18, "winning_trades": 10, "losing_trades": 8,
          "win_rate": 0.5556, "sharpe_ratio": 1.42, "sortino_ratio": 2.05, "max_drawdown": 0.061, "profit_factor": 1.83,
          "results": {"final_capital": 11250.5, "total_return": 0.12505, "total_trades": 18, "metrics": {"net_profit": 1250.5}},
          "additional_timeframes": null, "htf_filters": null, "htf_indicators": null, "owner": "alice"
        }
        """;

    public const string List = """{"items": [""" + Queued + """], "total": 1}""";

    public const string MultiTimeframeResult = """
        {
          "status": "completed", "symbol": "BTCUSDT", "central_timeframe": "15", "additional_timeframes": ["60", "240"],
          "initial_capital": 10000,
          "results": {"final_capital": 10480.2, "total_return": 0.04802, "total_trades": 6, "win_rate": 0.5, "trades": [], "equity_curve": []},
          "htf_indicators": {"240": {"timestamps": [1704067200000], "ema_50": [42150.3], "ema_200": [null], "sma_200": [null]}},
          "mtf_config": {"central_timeframe": "15", "additional_timeframes": ["60", "240"], "htf_filters": []}
        }
        """;

    public const string Claim = """{"worker_id": "worker-7"}""";

    public const string Claimed = """
        {
          "status": "claimed", "message": "Claimed for running", "claimed_at": "2024-03-02T09:00:01+00:00", "worker_id": "worker-7",
          "backtest": {"id": 42, "status": "running", "symbol": "BTCUSDT", "timeframe": "60", "claimed_by": "worker-7"},
          "run": {
            "strategy_type": "sma_crossover",
            "document": {"indicators": {"fast": {"type": "sma", "period": "$fast"}, "slow": {"type": "sma", "period": "$slow"}}},
            "parameters": {"fast": 10, "slow": 30},
            "settings": {"direction": "long", "leverage": 1, "commission_bps": 6, "slippage_bps": 0, "initial_capital": 10000},
            "htf_filters": []
          }
        }
        """;

    public const string Heartbeat = """{"worker_id": "worker-7"}""";

    public const string HeartbeatAnswer = """{"status": "running", "worker_id": "worker-7", "lease_until": "2024-03-02T09:05:01+00:00"}""";

    public const string Results = """
        {
          "worker_id": "worker-7",
          "final_capital": 11250.5, "total_return": 0.12505, "total_trades": 18, "winning_trades": 10, "losing_trades": 8,
          "win_rate": 0.5555555556, "sharpe_ratio": 1.42, "sortino_ratio": 2.05, "max_drawdown": 0.061, "profit_factor": 1.83,
          "results": {
            "trades": [{"entry_time": "2024-01-03T10:00:00Z", "exit_time": "2024-01-04T02:00:00Z", "side": "long", "entry_price": 42810.5, "exit_price": 43520.0, "quantity": 0.233, "pnl": 153.2}],
            "equity_curve": [{"timestamp": "2024-01-01T00:00:00Z", "equity": 10000}]
          }
        }
        """;

    public const string Trades = """
        [
          {
            "id": 901, "backtest_id": 42, "entry_time": "2024-01-03T10:00:00", "exit_time": "2024-01-04T02:00:00",
            "price": 42810.5, "qty": 0.233, "side": "buy", "pnl": 153.2, "created_at": "2024-03-02T09:00:04",
            "exit_price": 43520.0, "pnl_pct": 1.54, "commission": 12.1, "bars_held": 16, "exit_reason": "signal",
            "run_up": 240.7, "run_up_pct": 2.41, "drawdown": 35.2, "drawdown_pct": 0.35
          }
        ]
        """;

    /// <summary>A followed backtest's events, each event's data shortened here to a few of the fields of its <c>GET</c> answer.</summary>
    public const string Events = """
        id: 3f2a9c41d0e87b65
        event: state
        data: {"id": 42, "status": "queued", "symbol": "BTCUSDT", "timeframe": "60", "started_at": null, "completed_at": null}

        id: 91c07e2b5a4d3f18
        event: state
        data: {"id": 42, "status": "running", "symbol": "BTCUSDT", "timeframe": "60", "started_at": "2024-03-02T09:00:01", "completed_at": null}

        id: 5d8e1f60a2b9c734
        event: end
        data: {"id": 42, "status": "completed", "symbol": "BTCUSDT", "timeframe": "60", "total_return": 12.4, "completed_at": "2024-03-02T09:00:03"}

        """;
}
