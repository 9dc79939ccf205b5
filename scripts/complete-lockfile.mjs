#!/usr/bin/env node
// The registry this project installs from serves only the Linux builds of some native packages
// (@node-rs/jieba, @biomejs/biome), so `npm install` leaves the other platforms' optional
// packages out of package-lock.json and `npm ci` then refuses the lock as "out of sync".
// This adds those optional entries back, marked with the platform they are for, so that
// `npm ci` skips them on Linux instead of failing. Run it after every `npm install`.
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const packages = lock.packages;

/** Platform fields inferred from a native package's name, e.g. `jieba-linux-arm64-musl`. */
function platformOf(name) {
  const os = ['darwin', 'linux', 'win32', 'android', 'freebsd', 'openbsd', 'sunos', 'aix'].find((o) =>
    name.includes(`-${o}-`),
  );
  const cpu = ['arm64', 'x64', 'ia32', 'arm', 'riscv64', 's390x', 'ppc64', 'loong64'].find(
    (c) => name.includes(`-${c}`) && !(c === 'arm' && name.includes('-arm64')),
  );
  const fields = {};
  if (os) fields.os = [os];
  if (cpu) fields.cpu = [cpu];
  if (os === 'linux') fields.libc = [name.includes('musl') ? 'musl' : 'glibc'];
  return fields;
}

let added = 0;
for (const [key, pkg] of Object.entries(packages)) {
  if (!key || !pkg.optionalDependencies) continue;
  for (const [dep, version] of Object.entries(pkg.optionalDependencies)) {
    const depKey = `node_modules/${dep}`;
    if (packages[depKey]) continue;
    packages[depKey] = {
      version,
      ...(pkg.dev ? { dev: true } : {}),
      optional: true,
      ...platformOf(dep),
    };
    added += 1;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} optional platform entries`);
