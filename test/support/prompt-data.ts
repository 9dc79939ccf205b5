import { expect } from 'vitest';
import type { FakeRequest } from '../fakes/fake-openai.ts';

/** The system and user messages of a request the fake model received (exactly those two). */
export function messagesOf(req: FakeRequest | undefined): { system: string; user: string } {
  const messages = req?.body.messages ?? [];
  expect(messages.map((m) => m.role)).toEqual(['system', 'user']);
  return { system: String(messages[0]?.content), user: String(messages[1]?.content) };
}

/** The text between the `<<<DATA` and `DATA>>>` markers (each must occur exactly once). */
export function dataBlock(user: string): string {
  expect(count(user, '<<<DATA')).toBe(1);
  expect(count(user, 'DATA>>>')).toBe(1);
  return user.slice(user.indexOf('<<<DATA') + '<<<DATA'.length, user.indexOf('DATA>>>'));
}

/** How many times `needle` occurs in `text`. */
export function count(text: string, needle: string): number {
  return text.split(needle).length - 1;
}
