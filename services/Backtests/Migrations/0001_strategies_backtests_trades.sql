CREATE TABLE strategies (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name          varchar(255) NOT NULL UNIQUE,
    description   text,
    strategy_type varchar(100) NOT NULL,
    config        jsonb NOT NULL DEFAULT '{}',
    is_active     boolean NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE backtests (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    strategy_id     bigint NOT NULL REFERENCES strategies (id) ON DELETE CASCADE,
    symbol          varchar(50) NOT NULL,
    timeframe       varchar(20) NOT NULL,
    start_date      timestamptz NOT NULL,
    end_date        timestamptz NOT NULL,
    initial_capital double precision NOT NULL,
    leverage        integer NOT NULL DEFAULT 1,
    commission      double precision NOT NULL DEFAULT 0.0006,
    config          jsonb,
    status          varchar(20) NOT NULL DEFAULT 'queued'
                    CHECK (status IN ('queued', 'running', 'completed', 'failed')),
    error_message   text,
    attempts        integer NOT NULL DEFAULT 0,
    claimed_by      varchar(200),
    claimed_at      timestamptz,
    started_at      timestamptz,
    completed_at    timestamptz,
    final_capital   double precision,
    total_return    double precision,
    total_trades    integer,
    winning_trades  integer,
    losing_trades   integer,
    win_rate        double precision,
    sharpe_ratio    double precision,
    max_drawdown    double precision,
    results         jsonb,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (end_date > start_date)
);
CREATE INDEX backtests_status_created_at ON backtests (status, created_at);
CREATE INDEX backtests_strategy_id ON backtests (strategy_id);

CREATE TABLE trades (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    backtest_id  bigint NOT NULL REFERENCES backtests (id) ON DELETE CASCADE,
    entry_time   timestamptz NOT NULL,
    exit_time    timestamptz,
    side         varchar(10) NOT NULL CHECK (side IN ('LONG', 'SHORT')),
    entry_price  double precision NOT NULL,
    exit_price   double precision,
    quantity     double precision NOT NULL,
    pnl          double precision,
    pnl_pct      double precision,
    fees         double precision,
    bars_held    integer,
    exit_reason  varchar(20),
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX trades_backtest_id_entry_time ON trades (backtest_id, entry_time);
