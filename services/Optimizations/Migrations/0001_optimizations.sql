CREATE TABLE optimizations (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    strategy_id        bigint NOT NULL,
    optimization_type  varchar(50) NOT NULL
                       CHECK (optimization_type IN ('grid_search', 'walk_forward', 'monte_carlo')),
    symbol             varchar(50) NOT NULL,
    timeframe          varchar(20) NOT NULL,
    start_date         timestamptz NOT NULL,
    end_date           timestamptz NOT NULL,
    param_ranges       jsonb NOT NULL DEFAULT '{}',
    metric             varchar(50) NOT NULL,
    initial_capital    double precision NOT NULL,
    total_combinations integer NOT NULL,
    config             jsonb,
    status             varchar(20) NOT NULL DEFAULT 'queued'
                       CHECK (status IN ('queued', 'running', 'completed', 'failed', 'cancelled')),
    best_params        jsonb,
    best_score         double precision,
    results            jsonb,
    error_message      text,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    started_at         timestamptz,
    completed_at       timestamptz,
    CHECK (end_date > start_date)
);
CREATE INDEX optimizations_status_created_at ON optimizations (status, created_at);

CREATE TABLE optimization_results (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    optimization_id bigint NOT NULL REFERENCES optimizations (id) ON DELETE CASCADE,
    params          jsonb NOT NULL,
    score           double precision NOT NULL,
    total_return    double precision,
    sharpe_ratio    double precision,
    max_drawdown    double precision,
    win_rate        double precision,
    total_trades    integer,
    metrics         jsonb,
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (optimization_id, params)
);
