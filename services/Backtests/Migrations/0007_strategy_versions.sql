-- Strategies are versioned (docs/api-behaviour.md, 2.1): every change of type or configuration is a new version, kept
-- whole, and a backtest runs the version its strategy had when the backtest was created, whatever changes later.
-- Strategies stored before start at version 1; their backtests keep NULL and run the strategy as it stands.
ALTER TABLE strategies ADD COLUMN version integer NOT NULL DEFAULT 1;

CREATE TABLE strategy_versions (
    strategy_id   bigint       NOT NULL REFERENCES strategies (id) ON DELETE CASCADE,
    version       integer      NOT NULL,
    strategy_type varchar(100) NOT NULL,
    config        jsonb        NOT NULL,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    created_by    text,
    PRIMARY KEY (strategy_id, version)
);

INSERT INTO strategy_versions (strategy_id, version, strategy_type, config, created_at, created_by)
SELECT id, 1, strategy_type, config, updated_at, owner FROM strategies;

ALTER TABLE backtests ADD COLUMN strategy_version integer;
