/** The coaching pool's thread for a service on PostgreSQL (see `coaching-worker.ts`). */
import { openPostgresStore } from '../store/postgres-store.ts';
import { coachingTask } from './coaching-worker.ts';

export default coachingTask(async ({ databaseUrl }, logger) => {
  if (!databaseUrl) throw new Error('the PostgreSQL coaching thread needs the database URL');
  return openPostgresStore(databaseUrl, { logger });
});
