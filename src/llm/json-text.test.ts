import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseJsonText, stripFences, withSchemaInstruction } from './json-text.ts';

const Schema = z.object({ ok: z.boolean() });

describe('parseJsonText', () => {
  it('reads plain, fenced and prose-wrapped JSON', () => {
    expect(parseJsonText('{"ok": true}', Schema)).toEqual({ ok: true, value: { ok: true } });
    expect(parseJsonText('```json\n{"ok": true}\n```', Schema)).toEqual({ ok: true, value: { ok: true } });
    expect(parseJsonText('Here you go: {"ok": false} Hope it helps.', Schema)).toEqual({
      ok: true,
      value: { ok: false },
    });
  });

  it('explains what is wrong', () => {
    const empty = parseJsonText('  ', Schema);
    expect(empty.ok ? '' : empty.error).toContain('empty');
    const broken = parseJsonText('{"ok": tru', Schema);
    expect(broken.ok ? '' : broken.error).toContain('not valid JSON');
    const mismatch = parseJsonText('{"ok": "yes"}', Schema);
    expect(mismatch.ok ? '' : mismatch.error).toContain('ok');
  });
});

describe('stripFences', () => {
  it('removes a fence with or without a language', () => {
    expect(stripFences('```\n[1]\n```')).toBe('[1]');
    expect(stripFences(' ```JSON\n{"a":1}``` ')).toBe('{"a":1}');
    expect(stripFences('{"a":1}')).toBe('{"a":1}');
  });
});

describe('withSchemaInstruction', () => {
  it('extends the first system message, or adds one', () => {
    const schema = { type: 'object' };
    const extended = withSchemaInstruction([{ role: 'system', content: 'Be brief.' }], schema);
    expect(extended).toHaveLength(1);
    expect(extended[0]?.content).toMatch(/^Be brief\.\n\nReply with only one JSON object/);
    const added = withSchemaInstruction([{ role: 'user', content: 'Hi' }], schema);
    expect(added.map((m) => m.role)).toEqual(['system', 'user']);
  });
});
