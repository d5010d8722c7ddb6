-- Who uploaded each file: the caller's name (docs/security.md, 3). Uploads stored before owners were recorded keep NULL,
-- which only an admin may change. The index serves the list's owner filter in its order.
ALTER TABLE uploads ADD COLUMN owner text;

CREATE INDEX uploads_owner_created_at ON uploads (owner, created_at, id);
