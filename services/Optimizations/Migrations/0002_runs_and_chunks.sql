-- A run of an optimization (grid, walk-forward) is a job; grids are split into chunks that any worker may evaluate.
ALTER TABLE optimizations
    ADD COLUMN objective          jsonb,
    ADD COLUMN job_id             uuid,
    ADD COLUMN run_type           varchar(20),
    ADD COLUMN combinations_done  integer NOT NULL DEFAULT 0,
    ADD COLUMN chunks_total       integer NOT NULL DEFAULT 0,
    ADD COLUMN chunks_done        integer NOT NULL DEFAULT 0,
    ADD COLUMN claimed_by         varchar(200),
    ADD COLUMN heartbeat_at       timestamptz,
    ADD COLUMN attempts           integer NOT NULL DEFAULT 0;

CREATE TABLE optimization_chunks (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    optimization_id bigint      NOT NULL REFERENCES optimizations (id) ON DELETE CASCADE,
    job_id          uuid        NOT NULL,
    chunk_no        integer     NOT NULL,
    first_index     integer     NOT NULL,
    end_index       integer     NOT NULL,
    status          varchar(20) NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'cancelled', 'failed')),
    claimed_by      varchar(200),
    heartbeat_at    timestamptz,
    attempts        integer     NOT NULL DEFAULT 0,
    error_message   text,
    UNIQUE (job_id, chunk_no)
);
CREATE INDEX optimization_chunks_pending ON optimization_chunks (status) WHERE status IN ('queued', 'running');

-- Every evaluated combination gets a row; one that breaks a constraint has no score.
ALTER TABLE optimization_results ALTER COLUMN score DROP NOT NULL;
CREATE INDEX optimization_results_score ON optimization_results (optimization_id, score DESC NULLS LAST);

-- How a walk-forward run cuts its windows (train/test/step sizes, unit, mode), kept for the worker that runs it.
ALTER TABLE optimizations ADD COLUMN windows jsonb;
