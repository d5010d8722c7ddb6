-- The job columns every job table shares (docs/architecture.md, 3.2): a lease per holder, the reason of the last attempt,
-- and deferral while Bybit is unreachable; for backfills (prime_jobs) and ingests (ingest_jobs).
ALTER TABLE prime_jobs
    ADD COLUMN lease_until    timestamptz,
    ADD COLUMN retry_at       timestamptz,
    ADD COLUMN deferred_since timestamptz,
    ADD COLUMN error_message  text,
    ADD COLUMN updated_at     timestamptz NOT NULL DEFAULT now();

UPDATE prime_jobs SET lease_until = coalesce(heartbeat_at, now()) + interval '30 seconds' WHERE status = 'running';

ALTER TABLE ingest_jobs
    ADD COLUMN lease_until    timestamptz,
    ADD COLUMN retry_at       timestamptz,
    ADD COLUMN deferred_since timestamptz,
    ADD COLUMN error_message  text,
    ADD COLUMN updated_at     timestamptz NOT NULL DEFAULT now();

UPDATE ingest_jobs SET lease_until = coalesce(heartbeat_at, now()) + interval '30 seconds' WHERE status = 'running';
