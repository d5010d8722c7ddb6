-- A job table with the job columns of docs/architecture.md, 3.2; kind says how the scripted test worker ends the job.
CREATE TABLE test_jobs (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind           text        NOT NULL,
    status         text        NOT NULL DEFAULT 'queued',
    claimed_by     text,
    heartbeat_at   timestamptz,
    lease_until    timestamptz,
    attempts       integer     NOT NULL DEFAULT 0,
    error_message  text,
    retry_at       timestamptz,
    deferred_since timestamptz,
    updated_at     timestamptz NOT NULL DEFAULT now()
);
