import type BetterSqlite3 from 'better-sqlite3';
import { CoachError } from '../errors.ts';
import type { Logger } from '../logger.ts';

/** One step of the SQLite schema. Applied once, in order, recorded in `schema_migrations`. */
export interface Migration {
  /**
   * 1, 2, 3…, increasing; a number may be left free for a change made on another branch (each
   * migration missing from `schema_migrations` is applied, in order). Never renumber or edit a
   * released migration: add a new one.
   */
  version: number;
  name: string;
  sql: string;
}

/**
 * The SQLite schema, oldest first. Times are epoch milliseconds (INTEGER). Tables are STRICT so a
 * wrong type fails loudly instead of being stored as-is.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial',
    sql: `
      CREATE TABLE claims (
        key TEXT PRIMARY KEY,
        claimed_at INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX claims_claimed_at ON claims (claimed_at);

      -- id orders a thread: rowids only grow while the thread's newest row exists
      CREATE TABLE turns (
        id INTEGER PRIMARY KEY,
        thread_key TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
        text TEXT NOT NULL,
        at INTEGER NOT NULL,
        user_id TEXT,
        kind TEXT CHECK (kind IN ('answer', 'review', 'command'))
      ) STRICT;
      CREATE INDEX turns_thread ON turns (thread_key, id);

      CREATE TABLE reviews (
        id INTEGER PRIMARY KEY,
        user_key TEXT NOT NULL,
        at INTEGER NOT NULL,
        overall REAL NOT NULL,
        scores TEXT NOT NULL, -- JSON object: criterion id -> score
        mode TEXT NOT NULL CHECK (mode IN ('offline', 'llm')),
        excerpt TEXT NOT NULL,
        lang TEXT NOT NULL CHECK (lang IN ('en', 'zh'))
      ) STRICT;
      CREATE INDEX reviews_user ON reviews (user_key, at, id);

      CREATE TABLE tip_subscriptions (
        platform TEXT NOT NULL,
        workspace TEXT NOT NULL,
        chat_id TEXT NOT NULL,
        time TEXT NOT NULL,
        timezone TEXT NOT NULL,
        enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
        created_by TEXT,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (platform, workspace, chat_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE tip_slots (
        platform TEXT NOT NULL,
        workspace TEXT NOT NULL,
        chat_id TEXT NOT NULL,
        local_date TEXT NOT NULL,
        entry_id TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('claimed', 'posted', 'released')),
        claimed_at INTEGER NOT NULL,
        PRIMARY KEY (platform, workspace, chat_id, local_date)
      ) STRICT, WITHOUT ROWID;

      -- the current rotation: entries posted since the last reset
      CREATE TABLE tip_rotation (
        platform TEXT NOT NULL,
        workspace TEXT NOT NULL,
        chat_id TEXT NOT NULL,
        entry_id TEXT NOT NULL,
        seq INTEGER NOT NULL, -- posting order
        PRIMARY KEY (platform, workspace, chat_id, entry_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE feedback (
        id INTEGER PRIMARY KEY,
        platform TEXT NOT NULL,
        workspace TEXT NOT NULL,
        chat_id TEXT NOT NULL,
        message_ref TEXT NOT NULL,
        user_id TEXT NOT NULL,
        value TEXT NOT NULL CHECK (value IN ('up', 'down')),
        about_kind TEXT NOT NULL CHECK (about_kind IN ('answer', 'review')),
        about_ref TEXT NOT NULL,
        about_summary TEXT,
        at INTEGER NOT NULL,
        UNIQUE (platform, workspace, chat_id, message_ref, user_id)
      ) STRICT;
      CREATE INDEX feedback_chat ON feedback (platform, workspace, chat_id, at, id);
    `,
  },
  {
    version: 2,
    name: 'tip language',
    sql: `ALTER TABLE tip_subscriptions ADD COLUMN lang TEXT NOT NULL DEFAULT 'en' CHECK (lang IN ('en', 'zh'));`,
  },
  {
    version: 3,
    name: 'work leases',
    sql: `
      -- messages being answered: a lease per key, so another process can take over a dead one's work
      CREATE TABLE work_leases (
        key TEXT PRIMARY KEY,
        payload TEXT NOT NULL, -- JSON
        owner TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('claimed', 'done')),
        claimed_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        done_at INTEGER
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX work_leases_expiry ON work_leases (status, expires_at);
      CREATE INDEX work_leases_owner ON work_leases (owner, status);
      CREATE INDEX work_leases_done ON work_leases (done_at) WHERE done_at IS NOT NULL;
    `,
  },
  {
    version: 4,
    name: 'token usage and retention',
    sql: `
      -- model tokens per workspace and local day, for the optional daily budget
      CREATE TABLE token_usage (
        workspace TEXT NOT NULL,
        day TEXT NOT NULL,
        tokens INTEGER NOT NULL CHECK (tokens >= 0),
        PRIMARY KEY (workspace, day)
      ) STRICT, WITHOUT ROWID;
      -- retention deletes by age
      CREATE INDEX turns_at ON turns (at);
      CREATE INDEX reviews_at ON reviews (at);
      CREATE INDEX feedback_at ON feedback (at);
      CREATE INDEX tip_slots_date ON tip_slots (local_date);
    `,
  },
  {
    version: 5,
    name: 'team knowledge',
    sql: `
      -- the team's own sources (a folder, documents on a platform); chat '' = team-wide
      CREATE TABLE team_sources (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        location TEXT NOT NULL,
        chat TEXT NOT NULL,
        title TEXT NOT NULL,
        added_by TEXT,
        added_at INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'ok', 'warning', 'error')),
        error TEXT,
        problems TEXT NOT NULL DEFAULT '[]', -- JSON [{file, reason}]
        last_sync_at INTEGER,
        last_ok_at INTEGER,
        UNIQUE (kind, location, chat)
      ) STRICT;
      -- version: the revision (team_meta) of the write that last changed the document
      CREATE TABLE team_documents (
        source_id TEXT NOT NULL REFERENCES team_sources (id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        title TEXT NOT NULL,
        link TEXT NOT NULL,
        revision TEXT NOT NULL,
        version INTEGER NOT NULL,
        synced_at INTEGER NOT NULL,
        PRIMARY KEY (source_id, key)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX team_documents_version ON team_documents (version);
      CREATE TABLE team_passages (
        id TEXT PRIMARY KEY,
        source_id TEXT NOT NULL,
        doc_key TEXT NOT NULL,
        seq INTEGER NOT NULL,
        chat TEXT NOT NULL,
        heading TEXT NOT NULL,
        link TEXT NOT NULL,
        text TEXT NOT NULL,
        hash TEXT NOT NULL,
        FOREIGN KEY (source_id, doc_key) REFERENCES team_documents (source_id, key) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX team_passages_doc ON team_passages (source_id, doc_key, seq);
      CREATE TABLE team_meta (
        key TEXT PRIMARY KEY,
        value INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
      INSERT INTO team_meta (key, value) VALUES ('revision', 0);
      CREATE TABLE team_leases (
        name TEXT PRIMARY KEY,
        owner TEXT NOT NULL,
        expires_at INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
      -- embeddings cache: little-endian float32 vectors by text hash
      CREATE TABLE team_vectors (
        model TEXT NOT NULL,
        hash TEXT NOT NULL,
        vector BLOB NOT NULL,
        PRIMARY KEY (model, hash)
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 6,
    name: 'insights',
    sql: `
      -- per-database salt of the hashed user ids (one row, never shown)
      CREATE TABLE insight_salt (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        salt TEXT NOT NULL
      ) STRICT;
      -- one row per answer or review: no message text but the text of unanswered questions
      CREATE TABLE insight_events (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('answer', 'review')),
        platform TEXT NOT NULL,
        workspace TEXT NOT NULL,
        chat_id TEXT NOT NULL,
        user_hash TEXT NOT NULL,
        command TEXT NOT NULL,
        lang TEXT NOT NULL CHECK (lang IN ('en', 'zh')),
        outcome TEXT NOT NULL CHECK (outcome IN ('answered', 'partly', 'unanswered', 'error')),
        fallback INTEGER NOT NULL CHECK (fallback IN (0, 1)),
        model INTEGER NOT NULL CHECK (model IN (0, 1)),
        latency_ms INTEGER NOT NULL,
        tokens_in INTEGER NOT NULL,
        tokens_out INTEGER NOT NULL,
        overall REAL,
        scores TEXT, -- JSON object: dimension -> score
        cited TEXT NOT NULL, -- entry and passage ids, comma-separated
        question TEXT,
        question_key TEXT,
        ref TEXT NOT NULL
      ) STRICT;
      CREATE INDEX insight_events_at ON insight_events (at);
      CREATE INDEX insight_events_ref ON insight_events (ref);
      CREATE INDEX insight_events_unanswered ON insight_events (question_key, at) WHERE question_key IS NOT NULL;
      -- roll-ups kept as events are recorded, so figures read thousands of rows, not every event:
      -- per hour (epoch hours) and chat, the counts and sums of the events
      CREATE TABLE insight_hours (
        hour INTEGER NOT NULL,
        platform TEXT NOT NULL,
        chat_id TEXT NOT NULL,
        questions INTEGER NOT NULL, answered INTEGER NOT NULL, partly INTEGER NOT NULL,
        unanswered INTEGER NOT NULL, reviews INTEGER NOT NULL, errors INTEGER NOT NULL,
        fallbacks INTEGER NOT NULL, calls INTEGER NOT NULL, tokens_in INTEGER NOT NULL,
        tokens_out INTEGER NOT NULL, latency_sum INTEGER NOT NULL, latency_n INTEGER NOT NULL,
        overall_sum REAL NOT NULL, d_customer_value REAL NOT NULL, d_quantified_results REAL NOT NULL,
        d_credibility REAL NOT NULL, d_category_focus REAL NOT NULL, d_value_not_price REAL NOT NULL,
        d_decision_maker_fit REAL NOT NULL, d_clarity REAL NOT NULL,
        PRIMARY KEY (hour, platform, chat_id)
      ) STRICT, WITHOUT ROWID;
      -- per UTC day (epoch days) and chat: who was active, answer latencies (log bins), citations
      CREATE TABLE insight_user_days (
        day INTEGER NOT NULL, platform TEXT NOT NULL, chat_id TEXT NOT NULL, user_hash TEXT NOT NULL,
        PRIMARY KEY (day, platform, chat_id, user_hash)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE insight_latency (
        day INTEGER NOT NULL, platform TEXT NOT NULL, chat_id TEXT NOT NULL, bin INTEGER NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (day, platform, chat_id, bin)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE insight_cited (
        day INTEGER NOT NULL, platform TEXT NOT NULL, chat_id TEXT NOT NULL, entry_id TEXT NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (day, platform, chat_id, entry_id)
      ) STRICT, WITHOUT ROWID;
      -- one vote per reply and user; a later vote replaces it
      CREATE TABLE insight_feedback (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        platform TEXT NOT NULL,
        workspace TEXT NOT NULL,
        chat_id TEXT NOT NULL,
        user_hash TEXT NOT NULL,
        about TEXT NOT NULL CHECK (about IN ('answer', 'review')),
        ref TEXT NOT NULL,
        value TEXT NOT NULL CHECK (value IN ('up', 'down')),
        UNIQUE (ref, user_hash)
      ) STRICT;
      CREATE INDEX insight_feedback_at ON insight_feedback (at);
    `,
  },
];

/** What `migrate` found and did. */
export interface MigrationResult {
  /** Schema version after the run. */
  version: number;
  /** Versions applied by this run (empty when another process or an earlier run applied them). */
  applied: number[];
}

/** Thrown (wrapped by the caller) when the file was migrated by a newer Coach than this one. */
export class SchemaTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(`its schema version ${found} is newer than this Coach knows (${known})`);
  }
}

/**
 * Brings the schema up to date in one IMMEDIATE transaction: it takes the write lock before reading
 * what is applied, so two processes opening a fresh file at once serialise here (the second waits
 * for `busy_timeout`, then sees everything applied and does nothing).
 */
export function migrate(
  db: BetterSqlite3.Database,
  logger: Logger,
  migrations: readonly Migration[] = MIGRATIONS,
): MigrationResult {
  checkOrder(migrations);
  const run = db.transaction((): MigrationResult => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at INTEGER NOT NULL
    ) STRICT`);
    const done = new Set(
      db
        .prepare<[], { version: number }>('SELECT version FROM schema_migrations')
        .all()
        .map((r) => r.version),
    );
    const current = Math.max(0, ...done);
    const known = migrations.at(-1)?.version ?? 0;
    const unknown = [...done].filter((v) => !migrations.some((m) => m.version === v));
    if (current > known || unknown.length > 0)
      throw new SchemaTooNewError(Math.max(current, ...unknown), known);
    const record = db.prepare<[number, string, number]>(
      'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
    );
    const applied: number[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      db.exec(m.sql);
      record.run(m.version, m.name, Date.now());
      applied.push(m.version);
      logger.info(
        { event: 'store_migration_applied', version: m.version, name: m.name },
        'store migration applied',
      );
    }
    return { version: Math.max(current, known), applied };
  });
  return run.immediate();
}

function checkOrder(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    const previous = i === 0 ? 0 : (migrations[i - 1]?.version ?? 0);
    if (!Number.isInteger(m.version) || m.version <= previous) {
      throw new CoachError(
        'internal',
        `Migration "${m.name}" has version ${m.version}, expected a whole number above ${previous}`,
      );
    }
  });
}
