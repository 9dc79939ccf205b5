import { describe, expect, it } from 'vitest';
import { isTimeZone } from './local-time.ts';

describe('isTimeZone', () => {
  it('accepts canonical zones and the aliases Intl knows, and refuses the rest', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    // Not in Intl.supportedValuesOf('timeZone') on every Node 20, but valid: the formatter decides.
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Asia/Kolkata')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(isTimeZone('Asia/Shanghai; DROP TABLE')).toBe(false);
  });
});
