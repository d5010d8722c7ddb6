-- Who created each optimization: the caller's name (docs/security.md, 3). Rows created before owners were recorded keep
-- NULL, which only an admin may change. The index serves the list's owner filter in its order.
ALTER TABLE optimizations ADD COLUMN owner text;

CREATE INDEX optimizations_owner_created_at ON optimizations (owner, created_at, id);
