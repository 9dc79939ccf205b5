-- Up Migration
-- The team's own knowledge (SQLite: migrations.ts, version 5): sources, documents, passages, the
-- revision counter replicas poll, named leases for syncs, and the embeddings cache.
CREATE TABLE team_sources (
  id text PRIMARY KEY,
  kind text NOT NULL,
  location text NOT NULL,
  chat text NOT NULL,
  title text NOT NULL,
  added_by text,
  added_at timestamptz NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'ok', 'warning', 'error')),
  error text,
  problems jsonb NOT NULL DEFAULT '[]',
  last_sync_at timestamptz,
  last_ok_at timestamptz,
  UNIQUE (kind, location, chat)
);
CREATE TABLE team_documents (
  source_id text NOT NULL REFERENCES team_sources (id) ON DELETE CASCADE,
  key text NOT NULL,
  title text NOT NULL,
  link text NOT NULL,
  revision text NOT NULL,
  version bigint NOT NULL,
  synced_at timestamptz NOT NULL,
  PRIMARY KEY (source_id, key)
);
CREATE INDEX team_documents_version ON team_documents (version);
CREATE TABLE team_passages (
  id text PRIMARY KEY,
  source_id text NOT NULL,
  doc_key text NOT NULL,
  seq integer NOT NULL,
  chat text NOT NULL,
  heading text NOT NULL,
  link text NOT NULL,
  text text NOT NULL,
  hash text NOT NULL,
  FOREIGN KEY (source_id, doc_key) REFERENCES team_documents (source_id, key) ON DELETE CASCADE
);
CREATE INDEX team_passages_doc ON team_passages (source_id, doc_key, seq);
CREATE INDEX team_passages_hash ON team_passages (hash);
CREATE TABLE team_meta (
  key text PRIMARY KEY,
  value bigint NOT NULL
);
INSERT INTO team_meta (key, value) VALUES ('revision', 0);
CREATE TABLE team_leases (
  name text PRIMARY KEY,
  owner text NOT NULL,
  expires_at timestamptz NOT NULL
);
-- real[] so that the `vector` extension, when installed, can compare them (real[]::vector) without a
-- column of its type.
CREATE TABLE team_vectors (
  model text NOT NULL,
  hash text NOT NULL,
  vector real[] NOT NULL,
  PRIMARY KEY (model, hash)
);

-- Down Migration
DROP TABLE team_vectors;
DROP TABLE team_leases;
DROP TABLE team_meta;
DROP TABLE team_passages;
DROP TABLE team_documents;
DROP TABLE team_sources;
