-- A grid chunk's first_index and end_index now count positions of the product of the grid's axes, valid combinations or
-- not, so that a worker validates only its own slice; they counted valid combinations before. A grid run still queued or
-- running when this migration runs was cut the old way, so it ends failed, its remaining chunks cancelled, and can be
-- started again.
UPDATE optimization_chunks AS chunk SET status = 'cancelled', updated_at = now()
FROM optimizations AS o
WHERE o.id = chunk.optimization_id AND o.job_id = chunk.job_id AND o.run_type = 'grid' AND o.status IN ('queued', 'running')
  AND chunk.status IN ('queued', 'running');

UPDATE optimizations
SET status = 'failed', error_message = 'stopped by an upgrade that changed how grids are cut into chunks; start the run again',
    completed_at = now(), updated_at = now()
WHERE run_type = 'grid' AND status IN ('queued', 'running');

SELECT settle_optimization_run(job_id) FROM optimization_runs WHERE kind = 'grid' AND status IN ('queued', 'running');
