-- The job columns every job table shares (docs/architecture.md, 3.2): a lease per holder, and deferral while an outage
-- outside the platform lasts. Walk-forward runs are jobs in optimizations; grid runs are jobs per chunk.
ALTER TABLE optimizations
    ADD COLUMN lease_until    timestamptz,
    ADD COLUMN retry_at       timestamptz,
    ADD COLUMN deferred_since timestamptz;

UPDATE optimizations SET lease_until = coalesce(heartbeat_at, updated_at) + interval '30 seconds'
WHERE status = 'running' AND claimed_by IS NOT NULL;

ALTER TABLE optimization_chunks
    ADD COLUMN lease_until    timestamptz,
    ADD COLUMN retry_at       timestamptz,
    ADD COLUMN deferred_since timestamptz,
    ADD COLUMN updated_at     timestamptz NOT NULL DEFAULT now();

UPDATE optimization_chunks SET lease_until = coalesce(heartbeat_at, now()) + interval '30 seconds' WHERE status = 'running';
