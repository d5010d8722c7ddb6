-- Who created each strategy and backtest: the caller's name (docs/security.md, 3). Rows created before owners were
-- recorded keep NULL, which only an admin may change. The indexes serve the lists' owner filter in their default order.
ALTER TABLE strategies ADD COLUMN owner text;
ALTER TABLE backtests ADD COLUMN owner text;

CREATE INDEX strategies_owner ON strategies (owner, id);
CREATE INDEX backtests_owner_created_at ON backtests (owner, created_at);
