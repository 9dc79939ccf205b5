/** The coaching pool's thread for a service on SQLite (see `coaching-worker.ts`). */
import { openSqliteStore } from '../store/sqlite-store.ts';
import { coachingTask } from './coaching-worker.ts';

export default coachingTask(async ({ dbPath }, logger) => openSqliteStore(dbPath, { logger }));
