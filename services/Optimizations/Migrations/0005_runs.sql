-- Every run of an optimization (a grid, a walk-forward, a search, a Monte Carlo) is its own record, and results belong to
-- the run that produced them, so a later run never removes an earlier one's. The optimization row keeps its current run's
-- live state (progress, lease) as before; the run row is written when the run starts and each time its state settles.
CREATE TABLE optimization_runs (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    optimization_id bigint      NOT NULL REFERENCES optimizations (id) ON DELETE CASCADE,
    kind            varchar(20) NOT NULL CHECK (kind IN ('grid', 'walk_forward', 'search', 'monte_carlo')),
    job_id          uuid        NOT NULL UNIQUE,
    settings        jsonb       NOT NULL,
    status          varchar(20) NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'completed', 'failed', 'cancelled')),
    total           integer     NOT NULL DEFAULT 0,
    done            integer     NOT NULL DEFAULT 0,
    best_params     jsonb,
    best_score      double precision,
    results         jsonb,
    error_message   text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    started_at      timestamptz,
    completed_at    timestamptz
);
CREATE INDEX optimization_runs_optimization ON optimization_runs (optimization_id, id DESC);

INSERT INTO optimization_runs (optimization_id, kind, job_id, settings, status, total, done, best_params, best_score, results, error_message,
                               created_at, updated_at, started_at, completed_at)
SELECT id, run_type, job_id,
       jsonb_build_object('objective', objective, 'param_ranges', param_ranges, 'config', config, 'windows', windows),
       status, CASE WHEN run_type = 'walk_forward' THEN chunks_total ELSE total_combinations END,
       CASE WHEN run_type = 'walk_forward' THEN chunks_done ELSE combinations_done END,
       best_params, best_score, results, error_message, coalesce(started_at, updated_at), updated_at, started_at, completed_at
FROM optimizations WHERE job_id IS NOT NULL AND run_type IS NOT NULL;

ALTER TABLE optimization_results ADD COLUMN run_id bigint REFERENCES optimization_runs (id) ON DELETE CASCADE;
UPDATE optimization_results res SET run_id = r.id FROM optimization_runs r WHERE r.optimization_id = res.optimization_id;
DELETE FROM optimization_results WHERE run_id IS NULL;
ALTER TABLE optimization_results
    ALTER COLUMN run_id SET NOT NULL,
    DROP CONSTRAINT optimization_results_optimization_id_params_key,
    ADD CONSTRAINT optimization_results_run_id_params_key UNIQUE (run_id, params);
DROP INDEX optimization_results_score;
CREATE INDEX optimization_results_run_score ON optimization_results (run_id, score DESC NULLS LAST);

ALTER TABLE optimization_chunks ADD COLUMN run_id bigint REFERENCES optimization_runs (id) ON DELETE CASCADE;
UPDATE optimization_chunks c SET run_id = r.id FROM optimization_runs r WHERE r.job_id = c.job_id;
DELETE FROM optimization_chunks WHERE run_id IS NULL;
ALTER TABLE optimization_chunks ALTER COLUMN run_id SET NOT NULL;

-- Settles a run from its optimization row: called in every transaction that ends, fails or cancels the current run.
CREATE FUNCTION settle_optimization_run(run_job uuid) RETURNS void LANGUAGE sql AS $$
    UPDATE optimization_runs r
    SET status = o.status,
        done = CASE WHEN r.kind = 'walk_forward' THEN o.chunks_done ELSE o.combinations_done END,
        total = CASE WHEN r.kind = 'walk_forward' THEN o.chunks_total ELSE r.total END,
        best_params = o.best_params, best_score = o.best_score, results = o.results, error_message = o.error_message,
        started_at = o.started_at, completed_at = o.completed_at, updated_at = now()
    FROM optimizations o
    WHERE r.job_id = run_job AND o.id = r.optimization_id AND o.job_id = run_job;
$$;
