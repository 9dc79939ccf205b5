import { describe, expect, it } from 'vitest';
import { ADMIN_ENTRY, createAdmins } from './admins.ts';

describe('createAdmins', () => {
  const admins = createAdmins(['slack:UADMIN', 'feishu:tenant1:ou_boss', ' ']);
  const msg = (platform: string, workspace: string, userId: string) => ({ platform, workspace, userId });

  it('names users per platform, optionally per workspace, and nobody else', () => {
    expect(admins.size).toBe(2);
    expect(admins.includes(msg('slack', 'T1', 'UADMIN'))).toBe(true);
    expect(admins.includes(msg('slack', 'T2', 'UADMIN'))).toBe(true);
    expect(admins.includes(msg('feishu', 'tenant1', 'ou_boss'))).toBe(true);
    expect(admins.includes(msg('feishu', 'tenant2', 'ou_boss'))).toBe(false);
    expect(admins.includes(msg('feishu', 'T1', 'UADMIN'))).toBe(false);
    expect(admins.includes(msg('slack', 'T1', 'UOTHER'))).toBe(false);
  });

  it("treats the terminal's user as the operator", () => {
    expect(createAdmins([]).includes(msg('terminal', 'local', 'me'))).toBe(true);
  });

  it('entries are platform:user or platform:workspace:user', () => {
    expect(ADMIN_ENTRY.test('slack:U0123')).toBe(true);
    expect(ADMIN_ENTRY.test('feishu:t1:ou_x')).toBe(true);
    expect(ADMIN_ENTRY.test('U0123')).toBe(false);
    expect(ADMIN_ENTRY.test('slack:U1 ; drop')).toBe(false);
  });
});
