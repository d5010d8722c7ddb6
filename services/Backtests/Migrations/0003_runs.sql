-- What a run needs beyond the original columns: its multi-timeframe settings, the rest of the metrics, and who holds it.
ALTER TABLE backtests
    ADD COLUMN additional_timeframes text[],
    ADD COLUMN htf_filters jsonb,
    ADD COLUMN sortino_ratio double precision,
    ADD COLUMN profit_factor double precision,
    ADD COLUMN heartbeat_at timestamptz;

ALTER TABLE trades RENAME COLUMN fees TO commission;

-- One row per run: the equity curve as two arrays, compact enough for a million bars.
CREATE TABLE equity_curves (
    backtest_id bigint PRIMARY KEY REFERENCES backtests (id) ON DELETE CASCADE,
    times       bigint[] NOT NULL,
    equity      double precision[] NOT NULL
);
