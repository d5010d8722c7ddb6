-- Model-based and random searches (run kind 'search'): an optimization may be created as 'bayesian'; a search's chunks
-- carry the trials proposed for them, each with its number in the run, instead of a slice of the grid; every result keeps
-- its trial number and its returns per period, from which a run's probability of backtest overfitting is computed.
ALTER TABLE optimizations
    DROP CONSTRAINT optimizations_optimization_type_check,
    ADD CONSTRAINT optimizations_optimization_type_check
        CHECK (optimization_type IN ('grid_search', 'walk_forward', 'monte_carlo', 'bayesian'));

ALTER TABLE optimization_chunks ADD COLUMN trials jsonb;

ALTER TABLE optimization_results
    ADD COLUMN trial          integer,
    ADD COLUMN period_returns double precision[];
