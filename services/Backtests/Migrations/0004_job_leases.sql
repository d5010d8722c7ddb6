-- The job columns every job table shares (docs/architecture.md, 3.2): a lease per holder, and deferral while an outage
-- outside the platform lasts.
ALTER TABLE backtests
    ADD COLUMN lease_until    timestamptz,
    ADD COLUMN retry_at       timestamptz,
    ADD COLUMN deferred_since timestamptz;

UPDATE backtests SET lease_until = coalesce(heartbeat_at, claimed_at, updated_at) + interval '30 seconds' WHERE status = 'running';

CREATE INDEX backtests_waiting ON backtests (status, retry_at) WHERE status IN ('queued', 'running');
