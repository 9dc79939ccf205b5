import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeTeamStoreContract } from '../../../test/contracts/team-store-contract.ts';
import { openSqliteStore } from './sqlite-store.ts';

describeTeamStoreContract('sqlite file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'coach-team-store-'));
  const path = join(dir, 'coach.db');
  return {
    store: openSqliteStore(path),
    reopen: async () => openSqliteStore(path),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

describeTeamStoreContract('sqlite :memory:', async () => ({
  store: openSqliteStore(':memory:'),
  cleanup: async () => {},
}));
