-- Up Migration
-- Messages being answered: a lease per key, so another replica can take over a dead one's work
-- (SQLite: migrations.ts, version 3).
CREATE TABLE work_leases (
  key text PRIMARY KEY,
  payload jsonb NOT NULL,
  owner text NOT NULL,
  status text NOT NULL CHECK (status IN ('claimed', 'done')),
  claimed_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  done_at timestamptz
);
CREATE INDEX work_leases_expiry ON work_leases (status, expires_at);
CREATE INDEX work_leases_owner ON work_leases (owner, status);
CREATE INDEX work_leases_done ON work_leases (done_at) WHERE done_at IS NOT NULL;

-- Down Migration
DROP TABLE work_leases;
