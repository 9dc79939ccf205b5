-- Up Migration
-- Model tokens per workspace and local day, for the optional daily budget; indexes for retention
-- (SQLite: migrations.ts, version 4).
CREATE TABLE token_usage (
  workspace text NOT NULL,
  day text NOT NULL,
  tokens bigint NOT NULL CHECK (tokens >= 0),
  PRIMARY KEY (workspace, day)
);
CREATE INDEX turns_at ON turns (at);
CREATE INDEX reviews_at ON reviews (at);
CREATE INDEX feedback_at ON feedback (at);
CREATE INDEX tip_slots_date ON tip_slots (local_date);

-- Down Migration
DROP INDEX tip_slots_date;
DROP INDEX feedback_at;
DROP INDEX reviews_at;
DROP INDEX turns_at;
DROP TABLE token_usage;
