-- Uploaded files live in the database, not on a replica's disk, so any replica can ingest them (issue: uploads).
CREATE TABLE uploads (
    id          uuid        PRIMARY KEY,
    filename    varchar(255) NOT NULL,
    size        bigint      NOT NULL,
    symbol      varchar(32) NOT NULL,
    interval    varchar(4)  NOT NULL,
    format      varchar(8)  NOT NULL,
    compressed  boolean     NOT NULL,
    sha256      bytea       NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Content in 1 MiB chunks: written and read as a stream, never buffered whole.
CREATE TABLE upload_chunks (
    upload_id uuid    NOT NULL REFERENCES uploads (id) ON DELETE CASCADE,
    seq       integer NOT NULL,
    data      bytea   NOT NULL,
    PRIMARY KEY (upload_id, seq)
);

-- What each ingest found, for the data-quality report.
CREATE TABLE ingest_runs (
    id          bigserial   PRIMARY KEY,
    upload_id   uuid        NOT NULL,
    symbol      varchar(32) NOT NULL,
    interval    varchar(4)  NOT NULL,
    earliest_ms bigint,
    latest_ms   bigint,
    inserted    bigint      NOT NULL,
    updated     bigint      NOT NULL,
    duplicates  bigint      NOT NULL,
    rejected    bigint      NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ingest_runs_series ON ingest_runs (symbol, interval);

-- Backfill jobs; cursors hold, per interval, the next open time to fetch, so a restarted job resumes.
CREATE TABLE prime_jobs (
    id               uuid        PRIMARY KEY,
    symbol           varchar(32) NOT NULL,
    intervals        text[]      NOT NULL,
    start_ms         bigint,
    end_ms           bigint      NOT NULL,
    load_limit       integer     NOT NULL,
    status           varchar(16) NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'failed')),
    pages_total      integer     NOT NULL,
    pages_done       integer     NOT NULL DEFAULT 0,
    candles_stored   bigint      NOT NULL DEFAULT 0,
    current_interval varchar(4),
    cursors          jsonb       NOT NULL DEFAULT '{}',
    working_sets     jsonb       NOT NULL DEFAULT '{}',
    errors           text[]      NOT NULL DEFAULT '{}',
    attempts         integer     NOT NULL DEFAULT 0,
    claimed_by       varchar(128),
    heartbeat_at     timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    started_at       timestamptz,
    finished_at      timestamptz
);
CREATE INDEX prime_jobs_pending ON prime_jobs (status) WHERE status IN ('queued', 'running');
