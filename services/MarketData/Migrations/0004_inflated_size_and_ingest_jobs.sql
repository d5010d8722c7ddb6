-- The size of an upload's text after gunzip, measured while it streams in; null for uploads stored before it was.
ALTER TABLE uploads ADD COLUMN inflated_size bigint;

-- Ingests of large uploads run as jobs whose progress a client polls, so that no request outlives a proxy's timeout.
CREATE TABLE ingest_jobs (
    id           uuid        PRIMARY KEY,
    upload_id    uuid        NOT NULL REFERENCES uploads (id) ON DELETE CASCADE,
    symbol       varchar(32) NOT NULL,
    interval     varchar(4)  NOT NULL,
    format       varchar(8)  NOT NULL,
    strict       boolean     NOT NULL,
    status       varchar(16) NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'failed')),
    bytes_total  bigint      NOT NULL,
    bytes_read   bigint      NOT NULL DEFAULT 0,
    report       jsonb,
    error        jsonb,
    attempts     integer     NOT NULL DEFAULT 0,
    claimed_by   varchar(128),
    heartbeat_at timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now(),
    started_at   timestamptz,
    finished_at  timestamptz
);
CREATE INDEX ingest_jobs_pending ON ingest_jobs (status) WHERE status IN ('queued', 'running');
