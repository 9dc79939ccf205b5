/**
 * A compact copy of the Lark SDK for the compiled service (`dist/vendor/lark-sdk.js`, loaded by
 * `src/adapters/feishu/lark.ts`). The SDK ships one 6 MB file, a third of it comments, with Chinese in
 * its comments and strings: V8 keeps a module's source for as long as the process runs, and a source
 * with any character beyond Latin-1 is kept at two bytes per character, about 12 MB of the service's heap.
 * esbuild removes the comments and whitespace and writes every non-ASCII character as an escape (the
 * same strings at run time), which leaves about 2 MB at one byte per character. Nothing else changes.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

export const LARK_PACKAGE = '@larksuiteoapi/node-sdk';

/** The first line of the copy: the package and version it was made from (checked when it is loaded). */
export function larkHeader(version) {
  return `/* ${LARK_PACKAGE}@${version} (MIT License, Lark Technologies Pte. Ltd.): comments and whitespace removed, non-ASCII characters escaped, by scripts/compact-lark.mjs */`;
}

/** Writes the compact copy of the installed SDK to `outFile`; resolves with its size in bytes. */
export async function compactLark(outFile) {
  const require = createRequire(import.meta.url);
  const { transform } = await import('esbuild');
  const entry = require.resolve(LARK_PACKAGE);
  const { version } = require(`${LARK_PACKAGE}/package.json`);
  const { code } = await transform(readFileSync(entry, 'utf8'), {
    loader: 'js',
    charset: 'ascii',
    minifyWhitespace: true,
    legalComments: 'none',
  });
  const text = `${larkHeader(version)}\n${code}`;
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, text);
  return text.length;
}
