/**
 * `npm run build`: compiles src/ into dist/ (plain JavaScript for `node dist/main.js`, no tsx at run
 * time) and copies the files the code reads next to itself (the PostgreSQL migrations). Incremental,
 * and skipped when nothing in src/ (or the build settings) changed since the last build, so that
 * `npm start` starts at once after the first time. `--force` always compiles.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const INFO = 'dist/.tsbuildinfo';

/** The newest modification time under `path` (a file or a folder). */
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

const inputs = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];
const upToDate =
  !process.argv.includes('--force') &&
  existsSync(INFO) &&
  existsSync('dist/main.js') &&
  Math.max(...inputs.map(newest)) <= statSync(INFO).mtimeMs;

if (!upToDate) {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(
    process.execPath,
    [tsc, '-p', 'tsconfig.build.json', '--incremental', '--tsBuildInfoFile', INFO],
    {
      stdio: 'inherit',
    },
  );
  cpSync('src/core/store/pg-migrations', 'dist/core/store/pg-migrations', { recursive: true });
  // tsc leaves its info file alone when no output changed (a file touched, not edited): mark the build.
  const now = new Date();
  utimesSync(INFO, now, now);
}
