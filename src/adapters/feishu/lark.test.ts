import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a build script in plain JavaScript, without types
import { compactLark } from '../../../scripts/compact-lark.mjs';
import { encryptText } from '../../../test/feishu-payloads.ts';
import { lark, loadCompactLark } from './lark.ts';

const dir = mkdtempSync(join(tmpdir(), 'coach-lark-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the compact Lark SDK', () => {
  it('is the same SDK: ASCII-only, a third of the size, and it decrypts Chinese text as the package does', async () => {
    const copy = join(dir, 'lark-sdk.js');
    await compactLark(copy);
    const original = createRequire(import.meta.url).resolve('@larksuiteoapi/node-sdk');
    const text = readFileSync(copy, 'utf8');
    expect([...text].every((ch) => ch.charCodeAt(0) < 128)).toBe(true);
    expect(statSync(copy).size).toBeLessThan(statSync(original).size / 2);

    const compact = loadCompactLark(copy);
    expect(compact).toBeDefined();
    expect(compact).not.toBe(lark); // a module of its own, not the package's cached one
    const secret = JSON.stringify({ text: '我们的客户是谁？ UVP ✓' });
    const sealed = encryptText(secret, 'fake-encrypt-key');
    expect(new (compact as typeof lark).AESCipher('fake-encrypt-key').decrypt(sealed)).toBe(secret);
    expect(new lark.AESCipher('fake-encrypt-key').decrypt(sealed)).toBe(secret);
    // Its requires resolve from the package's folder (axios is the package's dependency, not ours).
    const client = new (compact as typeof lark).Client({ appId: 'cli_fake', appSecret: 'fake' });
    expect(typeof client.im.message.create).toBe('function');
  });

  it('is not used when it is missing or was made from another version', () => {
    expect(loadCompactLark(join(dir, 'absent.js'))).toBeUndefined();
    const stale = join(dir, 'stale.js');
    writeFileSync(stale, '/* @larksuiteoapi/node-sdk@0.0.1 (old) */\nthrow new Error("must not run");\n');
    expect(loadCompactLark(stale)).toBeUndefined();
  });
});
