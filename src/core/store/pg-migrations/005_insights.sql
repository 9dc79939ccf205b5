-- Up Migration
-- Insights: one row per answer or review, the entries they cited, and the votes on them
-- (SQLite: migrations.ts, version 6). No message text but the text of unanswered questions.
CREATE TABLE insight_salt (
  id smallint PRIMARY KEY CHECK (id = 1),
  salt text NOT NULL
);
CREATE TABLE insight_events (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL,
  kind text NOT NULL CHECK (kind IN ('answer', 'review')),
  platform text NOT NULL,
  workspace text NOT NULL,
  chat_id text NOT NULL,
  user_hash text NOT NULL,
  command text NOT NULL,
  lang text NOT NULL CHECK (lang IN ('en', 'zh')),
  outcome text NOT NULL CHECK (outcome IN ('answered', 'partly', 'unanswered', 'error')),
  fallback smallint NOT NULL CHECK (fallback IN (0, 1)),
  model smallint NOT NULL CHECK (model IN (0, 1)),
  latency_ms integer NOT NULL,
  tokens_in integer NOT NULL,
  tokens_out integer NOT NULL,
  overall real,
  scores jsonb,
  question text,
  question_key text,
  ref text NOT NULL,
  cited text[] NOT NULL DEFAULT '{}'
);
CREATE INDEX insight_events_at ON insight_events (at);
CREATE INDEX insight_events_ref ON insight_events (ref);
CREATE INDEX insight_events_unanswered ON insight_events (question_key) WHERE question_key IS NOT NULL;
CREATE TABLE insight_citations (
  event_id bigint NOT NULL REFERENCES insight_events (id) ON DELETE CASCADE,
  entry_id text NOT NULL
);
CREATE INDEX insight_citations_event ON insight_citations (event_id);
CREATE TABLE insight_feedback (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL,
  platform text NOT NULL,
  workspace text NOT NULL,
  chat_id text NOT NULL,
  user_hash text NOT NULL,
  about text NOT NULL CHECK (about IN ('answer', 'review')),
  ref text NOT NULL,
  value text NOT NULL CHECK (value IN ('up', 'down')),
  UNIQUE (ref, user_hash)
);
CREATE INDEX insight_feedback_at ON insight_feedback (at);

-- Down Migration
DROP TABLE insight_feedback;
DROP TABLE insight_citations;
DROP TABLE insight_events;
DROP TABLE insight_salt;
