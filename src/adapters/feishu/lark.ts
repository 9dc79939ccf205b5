/**
 * The Lark SDK as the Feishu adapter uses it. The compiled service loads the compact copy that the build
 * makes (`dist/vendor/lark-sdk.js`, see `scripts/compact-lark.mjs`): the same code without comments and
 * with ASCII-only source, about 9 MB less heap for as long as the service runs. The copy is compiled as
 * if it were the package's own file, so its `require`s resolve as the package's do. Without the copy
 * (tests, `tsx`), or when it was made from another version than the one installed, the package is used.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileFunction } from 'node:vm';
import type * as LarkSdk from '@larksuiteoapi/node-sdk';

const require = createRequire(import.meta.url);
const PACKAGE = '@larksuiteoapi/node-sdk';

/** Where the build writes the copy: `dist/vendor/`, beside the compiled `dist/adapters/`. */
export const COMPACT_LARK = fileURLToPath(new URL('../../vendor/lark-sdk.js', import.meta.url));

/**
 * Loads the compact copy at `path` as the installed package's module; undefined when there is no copy
 * or it was made from another version of the package.
 */
export function loadCompactLark(path: string): typeof LarkSdk | undefined {
  if (!existsSync(path)) return undefined;
  const entry = require.resolve(PACKAGE);
  const { version } = require(`${PACKAGE}/package.json`) as { version: string };
  const source = readFileSync(path, 'utf8');
  if (!source.startsWith(`/* ${PACKAGE}@${version} `)) return undefined;
  const module = { exports: {} };
  const wrapper = compileFunction(source, ['exports', 'require', 'module', '__filename', '__dirname'], {
    filename: entry,
  });
  wrapper.call(module.exports, module.exports, createRequire(entry), module, entry, dirname(entry));
  return module.exports as typeof LarkSdk;
}

export const lark: typeof LarkSdk = loadCompactLark(COMPACT_LARK) ?? (require(PACKAGE) as typeof LarkSdk);
