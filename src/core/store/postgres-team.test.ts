import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { describeTeamStoreContract } from '../../../test/contracts/team-store-contract.ts';
import { type PgServer, startPostgres } from '../../../test/pg-server.ts';
import { openPostgresStore } from './postgres-store.ts';

// One throwaway server and database for this file; the team tables are emptied before each scenario.
let server: PgServer;
let url: string;

beforeAll(async () => {
  server = await startPostgres();
  url = await server.createDatabase();
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

describeTeamStoreContract('postgres', async () => {
  const store = await openPostgresStore(url, { poolSize: 4 });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      'TRUNCATE team_sources, team_documents, team_passages, team_meta, team_leases, team_vectors',
    );
  } finally {
    await client.end();
  }
  return { store, reopen: () => openPostgresStore(url, { poolSize: 4 }), cleanup: async () => {} };
});
