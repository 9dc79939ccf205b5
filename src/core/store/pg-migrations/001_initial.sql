-- Up Migration
-- The PostgreSQL schema mirrors the SQLite one (migrations.ts, versions 1 and 2). Times are
-- timestamptz: Coach writes JS Dates (millisecond precision) and reads them back as Dates.
-- Order columns are identity columns: they only grow, so they give append / save / posting order.

CREATE TABLE claims (
  key text PRIMARY KEY,
  claimed_at timestamptz NOT NULL
);
CREATE INDEX claims_claimed_at ON claims (claimed_at);

CREATE TABLE turns (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  thread_key text NOT NULL,
  role text NOT NULL CHECK (role IN ('user', 'assistant')),
  text text NOT NULL,
  at timestamptz NOT NULL,
  user_id text,
  kind text CHECK (kind IN ('answer', 'review', 'command'))
);
CREATE INDEX turns_thread ON turns (thread_key, id);

CREATE TABLE reviews (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_key text NOT NULL,
  at timestamptz NOT NULL,
  overall double precision NOT NULL,
  scores jsonb NOT NULL, -- object: criterion id -> score
  mode text NOT NULL CHECK (mode IN ('offline', 'llm')),
  excerpt text NOT NULL,
  lang text NOT NULL CHECK (lang IN ('en', 'zh'))
);
CREATE INDEX reviews_user ON reviews (user_key, at, id);

CREATE TABLE tip_subscriptions (
  platform text NOT NULL,
  workspace text NOT NULL,
  chat_id text NOT NULL,
  time text NOT NULL,
  timezone text NOT NULL,
  enabled boolean NOT NULL,
  created_by text,
  updated_at timestamptz NOT NULL,
  lang text NOT NULL DEFAULT 'en' CHECK (lang IN ('en', 'zh')),
  PRIMARY KEY (platform, workspace, chat_id)
);

CREATE TABLE tip_slots (
  platform text NOT NULL,
  workspace text NOT NULL,
  chat_id text NOT NULL,
  local_date text NOT NULL CHECK (local_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  entry_id text NOT NULL,
  status text NOT NULL CHECK (status IN ('claimed', 'posted', 'released')),
  claimed_at timestamptz NOT NULL,
  PRIMARY KEY (platform, workspace, chat_id, local_date)
);

-- the current rotation: entries posted since the last reset
CREATE TABLE tip_rotation (
  platform text NOT NULL,
  workspace text NOT NULL,
  chat_id text NOT NULL,
  entry_id text NOT NULL,
  seq bigint GENERATED ALWAYS AS IDENTITY, -- posting order
  PRIMARY KEY (platform, workspace, chat_id, entry_id)
);

CREATE TABLE feedback (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  platform text NOT NULL,
  workspace text NOT NULL,
  chat_id text NOT NULL,
  message_ref text NOT NULL,
  user_id text NOT NULL,
  value text NOT NULL CHECK (value IN ('up', 'down')),
  about_kind text NOT NULL CHECK (about_kind IN ('answer', 'review')),
  about_ref text NOT NULL,
  about_summary text,
  at timestamptz NOT NULL,
  UNIQUE (platform, workspace, chat_id, message_ref, user_id)
);
CREATE INDEX feedback_chat ON feedback (platform, workspace, chat_id, at, id);

-- Down Migration
DROP TABLE feedback;
DROP TABLE tip_rotation;
DROP TABLE tip_slots;
DROP TABLE tip_subscriptions;
DROP TABLE reviews;
DROP TABLE turns;
DROP TABLE claims;
