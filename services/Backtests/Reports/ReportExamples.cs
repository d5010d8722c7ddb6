namespace Platform.Backtests.Reports;

/// <summary>Downloads of the exports and bodies of the charts as their OpenAPI operations show them (docs/api-behaviour.md, 2.11–2.15).</summary>
internal static class ReportExamples
{
    public const string ListOfTradesCsv = """
        Trade #,Type,Date/Time,Signal,Price USDT,Position size (qty),Position size (value),Net P&L USDT,Net P&L %,Run-up USDT,Run-up %,Drawdown USDT,Drawdown %,Cumulative P&L USDT,Cumulative P&L %
        1,Exit long,2024-01-04 02:00,sell,43520.000,0.233,10140.160000,153.20,1.53,240.70,2.41,35.20,0.35,153.20,1.53
        1,Entry long,2024-01-03 10:00,buy,42810.500,0.233,9974.846500,153.20,1.53,240.70,2.41,35.20,0.35,153.20,1.53

        """;

    public const string JsonReport = """
        {
          "backtest_id": 42, "symbol": "BTCUSDT", "timeframe": "60", "strategy": "SMA 10/30",
          "start_date": "2024-01-01T00:00:00Z", "end_date": "2024-03-01T00:00:00Z",
          "initial_capital": 10000, "final_capital": 11250.5, "total_return": 0.12505, "total_trades": 18,
          "winning_trades": 10, "losing_trades": 8, "win_rate": 0.5556, "sharpe_ratio": 1.42, "sortino_ratio": 2.05,
          "max_drawdown": 0.061, "profit_factor": 1.83, "net_profit": 1250.5,
          "results": {"final_capital": 11250.5, "total_return": 0.12505, "metrics": {"net_profit": 1250.5}}
        }
        """;

    public const string PlotlyJson = """
        {"plotly_json": "{\"data\":[{\"type\":\"scatter\",\"name\":\"Equity\",\"x\":[\"2024-01-01T00:00:00Z\"],\"y\":[10000]}],\"layout\":{\"title\":{\"text\":\"Equity Curve\"},\"template\":\"plotly_white\",\"height\":600}}"}
        """;

    public const string EquityJson = """
        {"backtest_id": 42, "count": 2, "points": [{"time": 1704067200000, "equity": 10000, "drawdown_pct": 0}, {"time": 1704070800000, "equity": 9950.5, "drawdown_pct": -0.495}]}
        """;

    public const string EquityCsv = """
        time,equity,drawdown_pct
        1704067200000,10000,0
        1704070800000,9950.5,-0.495

        """;
}
