import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SETTINGS } from '../src/config.ts';

describe('.env.example', () => {
  it('documents every setting Coach reads, each with a comment above it', () => {
    const lines = readFileSync('.env.example', 'utf8').split('\n');
    const undocumented = SETTINGS.filter((name) => {
      const at = lines.findIndex((l) => l.startsWith(`${name}=`));
      if (at < 0) return true;
      // The comment may sit above a group of settings that share it.
      const above = lines.slice(0, at).reverse();
      const first = above.find((l) => !/^[A-Z0-9_]+=/.test(l));
      return !first?.startsWith('#');
    });
    expect(undocumented).toEqual([]);
  });
});
