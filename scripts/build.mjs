/**
 * `npm run build`: compiles src/ into dist/ (plain JavaScript for `node dist/main.js`, no tsx at run
 * time) and copies the files the code reads next to itself (the PostgreSQL migrations). Incremental,
 * and skipped when nothing in src/ (or the build settings) changed since the last build, so that
 * `npm start` starts at once after the first time. `--force` always compiles.
 */
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  cpSync,
  existsSync,
  openSync,
  readdirSync,
  readSync,
  statSync,
  utimesSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { compactLark, LARK_PACKAGE, larkHeader } from './compact-lark.mjs';

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

// The Lark SDK's compact copy (see compact-lark.mjs), made again when the installed version changes.
const LARK_COPY = 'dist/vendor/lark-sdk.js';
const { version: larkVersion } = createRequire(import.meta.url)(`${LARK_PACKAGE}/package.json`);
if (firstLine(LARK_COPY) !== larkHeader(larkVersion)) {
  try {
    const bytes = await compactLark(LARK_COPY);
    console.log(`build: ${LARK_COPY} (${(bytes / 1e6).toFixed(1)} MB, from ${LARK_PACKAGE}@${larkVersion})`);
  } catch (err) {
    // esbuild is a development dependency: without it the service loads the SDK as published.
    console.warn(
      `build: no compact copy of ${LARK_PACKAGE} (${err.message}); the package is used as published`,
    );
  }
}

/** The first line of a file ('' when there is none). */
function firstLine(path) {
  if (!existsSync(path)) return '';
  const buffer = Buffer.alloc(400);
  const fd = openSync(path, 'r');
  const read = readSync(fd, buffer, 0, buffer.length, 0);
  closeSync(fd);
  return buffer.subarray(0, read).toString('utf8').split('\n')[0];
}
