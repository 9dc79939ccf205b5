-- Up Migration
-- Insights (SQLite: migrations.ts, version 6): one row per answer or review (no message text but the
-- text of unanswered questions), roll-ups kept as they are recorded (per hour, and per UTC day for
-- people, latency bins and citations), and the votes.
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
  cited text NOT NULL,
  question text,
  question_key text,
  ref text NOT NULL
);
CREATE INDEX insight_events_at ON insight_events (at);
CREATE INDEX insight_events_ref ON insight_events (ref);
CREATE INDEX insight_events_unanswered ON insight_events (question_key, at) WHERE question_key IS NOT NULL;
CREATE TABLE insight_hours (
  hour bigint NOT NULL,
  platform text NOT NULL,
  chat_id text NOT NULL,
  questions bigint NOT NULL, answered bigint NOT NULL, partly bigint NOT NULL,
  unanswered bigint NOT NULL, reviews bigint NOT NULL, errors bigint NOT NULL,
  fallbacks bigint NOT NULL, calls bigint NOT NULL, tokens_in bigint NOT NULL,
  tokens_out bigint NOT NULL, latency_sum bigint NOT NULL, latency_n bigint NOT NULL,
  overall_sum float8 NOT NULL, d_customer_value float8 NOT NULL, d_quantified_results float8 NOT NULL,
  d_credibility float8 NOT NULL, d_category_focus float8 NOT NULL, d_value_not_price float8 NOT NULL,
  d_decision_maker_fit float8 NOT NULL, d_clarity float8 NOT NULL,
  PRIMARY KEY (hour, platform, chat_id)
);
CREATE TABLE insight_user_days (
  day integer NOT NULL, platform text NOT NULL, chat_id text NOT NULL, user_hash text NOT NULL,
  PRIMARY KEY (day, platform, chat_id, user_hash)
);
CREATE TABLE insight_latency (
  day integer NOT NULL, platform text NOT NULL, chat_id text NOT NULL, bin integer NOT NULL, n bigint NOT NULL,
  PRIMARY KEY (day, platform, chat_id, bin)
);
CREATE TABLE insight_cited (
  day integer NOT NULL, platform text NOT NULL, chat_id text NOT NULL, entry_id text NOT NULL, n bigint NOT NULL,
  PRIMARY KEY (day, platform, chat_id, entry_id)
);
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
DROP TABLE insight_cited;
DROP TABLE insight_latency;
DROP TABLE insight_user_days;
DROP TABLE insight_hours;
DROP TABLE insight_events;
DROP TABLE insight_salt;
