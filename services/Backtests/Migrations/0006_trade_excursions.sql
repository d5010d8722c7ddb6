-- Per-trade run-up and drawdown (docs/api-behaviour.md, 1.6): the largest unrealized gain and loss while the trade was
-- open, in USDT and in percent of the entry value. Trades stored before keep NULL.
ALTER TABLE trades
    ADD COLUMN run_up       double precision,
    ADD COLUMN run_up_pct   double precision,
    ADD COLUMN drawdown     double precision,
    ADD COLUMN drawdown_pct double precision;
