import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { answerEvent, vote } from '../../../test/support/insights-seed.ts';
import { silentLogger } from '../logger.ts';
import { MIGRATIONS, migrate } from './migrations.ts';
import { openSqliteStore } from './sqlite-store.ts';

describe('sqlite insights', () => {
  it('stores no user id and no text but unanswered questions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coach-insights-'));
    const file = join(dir, 'coach.db');
    const onFile = openSqliteStore(file);
    await onFile.insights.record([
      answerEvent({ userKey: 'slack:T1:U0SECRETUSER', question: 'answered text kept?' }),
      answerEvent({ outcome: 'unanswered', question: 'What CTR is normal for ads?' }),
      vote('r1', 'down', { userKey: 'slack:T1:U0SECRETUSER' }),
    ]);
    await onFile.close();
    const db = new Database(file, { readonly: true });
    const dump = JSON.stringify([
      db.prepare('SELECT * FROM insight_events').all(),
      db.prepare('SELECT * FROM insight_feedback').all(),
    ]);
    db.close();
    expect(dump).toContain('What CTR is normal for ads?');
    expect(dump).not.toContain('U0SECRETUSER');
    expect(dump).not.toContain('answered text kept');
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies a migration missing below the newest applied one (a version left free for another change)', () => {
    const db = new Database(':memory:');
    const withoutFive = MIGRATIONS.filter((m) => m.version !== 5);
    expect(migrate(db, silentLogger(), withoutFive).applied).toContain(6);
    const five = { version: 5, name: 'later', sql: 'CREATE TABLE later_table (x INTEGER) STRICT;' };
    const all = [
      ...withoutFive.filter((m) => m.version < 5),
      five,
      ...withoutFive.filter((m) => m.version > 5),
    ];
    expect(migrate(db, silentLogger(), all).applied).toEqual([5]);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'later_table'").get()).toBeTruthy();
    expect(migrate(db, silentLogger(), all).applied).toEqual([]);
    db.close();
  });
});
